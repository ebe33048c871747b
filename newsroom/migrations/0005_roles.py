"""The newsroom's roles as Django groups: Writers draft and submit, Editors run everything."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITER = {
    "newsroom": {
        "article": ["add", "change", "view"],
        "image": ["add", "change", "view"],
        "tag": ["view"],
        "author": ["view"],
    },
    "transfers": {
        model: ["view"]
        for model in ["club", "player", "transferlink", "source", "competition", "transferwindow"]
    },
}
EDITOR_APPS = ["newsroom", "transfers"]


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist before use.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    writers, _ = Group.objects.get_or_create(name="Writers")
    codenames = [
        (app, f"{action}_{model}")
        for app, models in WRITER.items()
        for model, actions in models.items()
        for action in actions
    ]
    writers.permissions.set(
        [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in codenames
        ]
    )

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Writers", "Editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0004_postgres_search"),
        ("transfers", "0002_schema_for_workflow_search_images"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
