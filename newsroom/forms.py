"""Admin forms for rich content: the article body editor and checked image uploads."""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.template.defaultfilters import filesizeformat
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from newsroom import images
from newsroom.models import Article, Image
from newsroom.sanitize import READ_MORE_CLASS, sanitize_html

# What the editor offers is what the sanitiser keeps (newsroom.sanitize): nothing more, so that
# nothing an editor formats is silently lost on save.
BODY_EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "Heading": {"levels": [2, 3]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "NodeClass": {
        "cssClasses": {
            "paragraph": [{"className": READ_MORE_CLASS, "title": "READ MORE line"}],
        }
    },
    "History": True,
    # The source view helps untangle pasted markup; whatever is typed there is sanitised too.
    "HTML": True,
}


class ArticleAdminForm(forms.ModelForm):
    body = ProseEditorFormField(
        extensions=BODY_EDITOR_EXTENSIONS,
        sanitize=sanitize_html,
        widget=AdminProseEditorWidget,
        required=False,
        help_text=(
            "Subheadings, bold, italic, links, lists and quotes. For a “READ MORE” line, write "
            "the line with its link, then choose “READ MORE line” from the “Block style” menu."
        ),
    )

    class Meta:
        model = Article
        # The admin's fieldsets choose the fields; this form only brings the body editor.
        fields = ["body"]


class ImageUploadField(forms.FileField):
    """A file field that accepts only what newsroom.images accepts, and cleans it on the way in."""

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        return images.prepare_upload(upload)


def _upload_help_text():
    return (
        f"JPEG, PNG, WebP or GIF, up to {filesizeformat(images.max_upload_bytes())} and "
        f"{images.max_pixels() // 1_000_000} megapixels. The picture is turned upright and its "
        "camera and location data are removed."
    )


class ImageAdminForm(forms.ModelForm):
    file = ImageUploadField(
        label="Image file",
        widget=AdminFileWidget(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )

    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit", "focal_x", "focal_y"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _upload_help_text()
