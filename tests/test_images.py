"""The image library: upload checks, re-encoding, renditions, pictures and the delete guard."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from PIL import Image as PILImage

from newsroom import images
from newsroom.models import Image

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def picture_bytes(fmt="JPEG", size=(320, 180), colour="#c8102e", mode="RGB", **save_options):
    buffer = io.BytesIO()
    PILImage.new(mode, size, colour).save(buffer, fmt, **save_options)
    return buffer.getvalue()


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def media_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(
        os.path.relpath(os.path.join(folder, file), root)
        for folder, _dirs, files in os.walk(root)
        for file in files
    )


def photo_with_exif(orientation=6, size=(200, 100)):
    """A JPEG as a phone writes it: sideways pixels, an orientation tag and a GPS position."""
    exif = PILImage.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 26.0)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 39.0)
    return picture_bytes("JPEG", size=size, exif=exif.tobytes())


@pytest.fixture
def editor(django_user_model, client):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return user


def post_image(client, file, **fields):
    data = {"alt_text": "Tchouameni in training", "caption": "", "credit": "", **fields}
    data["file"] = file
    return client.post(reverse("admin:newsroom_image_add"), data)


# Accepted uploads --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt", "options"),
    [
        ("photo.jpg", "JPEG", {}),
        ("photo.jpeg", "JPEG", {}),
        ("crest.png", "PNG", {}),
        ("shot.webp", "WEBP", {}),
        ("badge.gif", "GIF", {}),
    ],
)
def test_valid_images_are_accepted_through_the_admin(client, editor, settings, name, fmt, options):
    response = post_image(client, upload(name, picture_bytes(fmt, **options)))

    assert response.status_code == 302, response.content.decode()[:2000]
    image = Image.objects.get()
    assert (image.width, image.height) == (320, 180)
    assert image.uploaded_by == editor
    with image.file.open("rb") as handle, PILImage.open(handle) as stored:
        assert stored.format == fmt


def test_png_with_transparency_keeps_it():
    data = picture_bytes("PNG", mode="RGBA", colour=(200, 16, 46, 0))
    clean = images.prepare_upload(upload("crest.png", data))
    with PILImage.open(clean) as stored:
        assert stored.mode == "RGBA"
        assert stored.getpixel((0, 0))[3] == 0


def animated_gif(colours=("red", "green", "blue"), **options):
    frames = [PILImage.new("RGB", (40, 40), colour) for colour in colours]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], **options)
    return buffer.getvalue()


def test_animated_gif_keeps_its_frames_but_not_its_comment():
    data = animated_gif(duration=100, loop=0, comment=b"Taken at 12 Acacia Avenue")
    clean = images.prepare_upload(upload("goal.gif", data)).read()
    with PILImage.open(io.BytesIO(clean)) as stored:
        assert stored.n_frames == 3
        assert stored.info["duration"] == 100
    assert b"Acacia" not in clean


def test_exif_orientation_is_applied_and_location_data_stripped(client, editor):
    response = post_image(client, upload("phone.jpg", photo_with_exif(orientation=6)))

    assert response.status_code == 302
    image = Image.objects.get()
    # Orientation 6 means "rotate 90° to view": a 200 × 100 sensor image is 100 × 200 upright.
    assert (image.width, image.height) == (100, 200)
    with image.file.open("rb") as handle:
        data = handle.read()
    with PILImage.open(io.BytesIO(data)) as stored:
        exif = stored.getexif()
        assert ORIENTATION not in exif
        assert not exif.get_ifd(GPS_IFD)
        assert "exif" not in stored.info
    assert b"PhoneMaker" not in data
    assert b"GPS" not in data


def test_metadata_is_stripped_from_png_and_webp():
    exif = PILImage.Exif()
    exif.get_ifd(GPS_IFD)[1] = "N"
    exif[0x010F] = "PhoneMaker"
    for name, fmt in [("a.png", "PNG"), ("a.webp", "WEBP")]:
        data = picture_bytes(fmt, exif=exif.tobytes())
        assert b"PhoneMaker" in data
        clean = images.prepare_upload(upload(name, data)).read()
        assert b"PhoneMaker" not in clean


# Refused uploads ---------------------------------------------------------------------------------


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)


def png_renamed_jpg():
    return upload("photo.jpg", picture_bytes("PNG"))


def truncated_jpeg():
    data = picture_bytes("JPEG", size=(800, 600), colour="#336699")
    return upload("cut.jpg", data[: len(data) // 2])


def truncated_png():
    buffer = io.BytesIO()
    PILImage.effect_noise((600, 400), 64).save(buffer, "PNG")
    data = buffer.getvalue()
    return upload("cut.png", data[: len(data) // 2])


@pytest.mark.parametrize(
    ("make_file", "expected"),
    [
        (lambda: upload("logo.svg", SVG, "image/svg+xml"), "SVG images are not accepted"),
        (lambda: upload("logo.png", SVG, "image/png"), "SVG images are not accepted"),
        (png_renamed_jpg, "named “photo.jpg” but contains a PNG image"),
        (truncated_jpeg, "truncated or damaged"),
        (truncated_png, "truncated or damaged"),
        (lambda: upload("notes.jpg", b"just some text, not a picture"), "is not a JPEG, PNG"),
        (lambda: upload("scan.tiff", picture_bytes("TIFF")), "“.tiff” files are not accepted"),
        (lambda: upload("scan.bmp.jpg", picture_bytes("BMP")), "is not a JPEG, PNG"),
        (lambda: upload("noextension", picture_bytes("JPEG")), "without an extension"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_error_and_nothing_kept(
    client, editor, settings, make_file, expected
):
    response = post_image(client, make_file())

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["file"])
    assert expected in errors
    assert Image.objects.count() == 0
    assert media_files(settings) == []


def test_too_many_pixels_is_refused(client, editor, settings):
    settings.IMAGE_MAX_PIXELS = 10_000
    response = post_image(client, upload("big.png", picture_bytes("PNG", size=(200, 100))))

    errors = " ".join(response.context["adminform"].form.errors["file"])
    assert "too large to use (200 × 100 pixels)" in errors
    assert "10,000 pixels" in errors
    assert Image.objects.count() == 0
    assert media_files(settings) == []


def test_decompression_bomb_warning_is_an_error(client, editor, settings, monkeypatch):
    # Pillow warns between MAX_IMAGE_PIXELS and twice that; the upload must fail, not just warn.
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 5_000)
    settings.IMAGE_MAX_PIXELS = 1_000_000
    response = post_image(client, upload("bomb.png", picture_bytes("PNG", size=(100, 80))))

    errors = " ".join(response.context["adminform"].form.errors["file"])
    assert "too large to use" in errors
    assert Image.objects.count() == 0
    assert media_files(settings) == []


def test_decompression_bomb_error_is_refused(monkeypatch):
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1_000)
    with pytest.raises(ValidationError, match="too large to use"):
        images.prepare_upload(upload("bomb.png", picture_bytes("PNG", size=(100, 80))))


def test_animation_counts_every_frame(settings):
    settings.IMAGE_MAX_PIXELS = 5_000
    data = animated_gif(("red", "green", "blue", "white"))
    with pytest.raises(ValidationError, match="4 frames"):
        images.prepare_upload(upload("long.gif", data))


def test_too_large_file_is_refused(client, editor, settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 2_000
    data = PILImage.effect_noise((200, 200), 90).convert("RGB")
    buffer = io.BytesIO()
    data.save(buffer, "JPEG", quality=95)
    response = post_image(client, upload("huge.jpg", buffer.getvalue()))

    errors = " ".join(response.context["adminform"].form.errors["file"])
    assert "the limit is 2.0\xa0KB" in errors
    assert Image.objects.count() == 0
    assert media_files(settings) == []


def test_alt_text_is_required(client, editor, settings):
    response = post_image(client, upload("photo.jpg", picture_bytes()), alt_text="")

    assert response.status_code == 200
    assert "alt_text" in response.context["adminform"].form.errors
    assert Image.objects.count() == 0
    assert media_files(settings) == []


def test_a_failed_database_write_removes_the_stored_file(client, editor, settings, monkeypatch):
    def broken_save(self, *args, **kwargs):
        self.file.save(self.file.name, self.file.file, save=False)
        raise RuntimeError("database went away")

    monkeypatch.setattr(Image, "save", broken_save)
    client.raise_request_exception = False
    response = post_image(client, upload("photo.jpg", picture_bytes()))

    assert response.status_code == 500
    assert media_files(settings) == []


# Renditions --------------------------------------------------------------------------------------


def stored_image(make_image, data=None, name="photo.jpg", **fields):
    clean = images.prepare_upload(upload(name, data or picture_bytes(size=(1600, 900))))
    return Image.objects.create(file=clean, alt_text="Alt", **fields)


def test_renditions_are_made_once_and_reused(make_image, settings, monkeypatch):
    image = stored_image(make_image)
    first = images.get_rendition(image, 800, fmt="webp")
    files_after_first = media_files(settings)

    saves = []
    original_save = FileSystemStorage.save
    monkeypatch.setattr(
        FileSystemStorage,
        "save",
        lambda self, name, *a, **k: saves.append(name) or original_save(self, name, *a, **k),
    )
    second = images.get_rendition(image, 800, fmt="webp")

    assert second == first
    assert saves == []
    assert media_files(settings) == files_after_first
    assert first.name.startswith("renditions/")
    assert (first.width, first.height) == (800, 450)
    with default_storage.open(first.name) as handle, PILImage.open(handle) as made:
        assert made.format == "WEBP"
        assert made.size == (800, 450)


def test_rendition_names_are_deterministic_and_never_upscaled(make_image):
    image = stored_image(make_image, picture_bytes(size=(600, 300)))
    webp, jpeg = images.responsive_set(image)

    assert [r.width for r in webp] == [400, 600]
    assert [r.width for r in jpeg] == [400, 600]
    assert all(r.mime_type == "image/jpeg" for r in jpeg)
    again = images.get_rendition(Image.objects.get(pk=image.pk), 1200, fmt="jpeg")
    assert again.name == jpeg[-1].name


def test_ratio_crops_keep_the_focal_point_in_view(make_image):
    canvas = PILImage.new("RGB", (1600, 900), "white")
    canvas.paste(PILImage.new("RGB", (150, 900), "black"), (1450, 0))
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    centred = stored_image(make_image, buffer.getvalue(), name="wide.png")
    focused = stored_image(make_image, buffer.getvalue(), name="wide.png", focal_x=0.95)

    plain = images.get_rendition(centred, 400, ratio="1x1", fmt="jpeg")
    crop = images.get_rendition(focused, 400, ratio="1x1", fmt="jpeg")

    assert (crop.width, crop.height) == (400, 400)
    with default_storage.open(plain.name) as handle, PILImage.open(handle) as made:
        assert made.getpixel((390, 200))[0] > 200  # centre crop: the black strip is cut off
    with default_storage.open(crop.name) as handle, PILImage.open(handle) as made:
        assert made.getpixel((390, 200))[0] < 50  # focal crop: the strip is in the picture
    assert crop.name != plain.name


@pytest.mark.parametrize(("ratio", "size"), [("16x9", (1200, 675)), ("4x3", (1200, 900))])
def test_social_renditions_have_fixed_ratios(make_image, ratio, size):
    image = stored_image(make_image, picture_bytes(size=(2000, 2000)))
    rendition = images.social_rendition(image, ratio)
    assert (rendition.width, rendition.height) == size
    assert rendition.name.endswith(".jpg")


def test_structured_data_gets_three_crops_of_one_width(make_image):
    image = stored_image(make_image, picture_bytes(size=(3000, 2000)))
    crops = images.structured_data_renditions(image)
    assert [(c.width, c.height) for c in crops] == [(1200, 675), (1200, 900), (1200, 1200)]
    assert {c.mime_type for c in crops} == {"image/jpeg"}


def test_transparent_png_gets_a_white_jpeg_fallback(make_image):
    data = picture_bytes("PNG", size=(800, 800), mode="RGBA", colour=(0, 0, 0, 0))
    image = stored_image(make_image, data, name="crest.png")
    rendition = images.get_rendition(image, 400, fmt="jpeg")
    with default_storage.open(rendition.name) as handle, PILImage.open(handle) as made:
        assert made.getpixel((10, 10)) == (255, 255, 255)


# The picture tag ---------------------------------------------------------------------------------


def render(template, **context):
    return Template("{% load images %}" + template).render(Context(context))


def test_picture_tag_offers_webp_with_jpeg_fallback(make_image):
    image = stored_image(make_image, picture_bytes(size=(1600, 900)))
    html = render('{% picture image sizes="(min-width: 50rem) 50vw, 100vw" %}', image=image)

    assert html.startswith('<picture><source type="image/webp" srcset="')
    assert "400w" in html and "800w" in html and "1200w" in html
    assert 'sizes="(min-width: 50rem) 50vw, 100vw"' in html
    assert 'width="1200" height="675"' in html
    assert 'alt="Alt"' in html
    assert 'loading="lazy"' in html
    assert ".jpg 400w" in html and ".webp 400w" in html


def test_picture_tag_handles_no_image_and_a_missing_file(make_image):
    assert render("{% picture image %}", image=None) == ""
    image = stored_image(make_image)
    default_storage.delete(image.file.name)
    html = render('{% picture image loading="eager" css_class="hero" %}', image=image)
    assert html.startswith("<img ")
    assert 'class="hero"' in html


def test_rendition_url_is_absolute_for_feeds_and_social_cards(make_image, settings):
    settings.SITE_URL = "https://transferdesk.example"
    image = stored_image(make_image)
    url = render("{% rendition_url image ratio='1x1' %}", image=image)
    assert url.startswith("https://transferdesk.example/media/renditions/")
    assert url.endswith("1200w-1x1.jpg") or url.endswith("900w-1x1.jpg")


# The admin's delete guard ------------------------------------------------------------------------


def test_deleting_an_image_in_use_is_refused_naming_the_articles(
    client, editor, make_image, make_article
):
    image = make_image()
    make_article(headline="Liverpool weigh Tchouameni move", hero_image=image)
    make_article(headline="Madrid set price", hero_image=image)

    response = client.post(
        reverse("admin:newsroom_image_delete", args=[image.pk]), {"post": "yes"}, follow=True
    )

    assert Image.objects.filter(pk=image.pk).exists()
    message = " ".join(str(m) for m in response.context["messages"])
    assert "“Liverpool weigh Tchouameni move” and “Madrid set price”" in message
    assert "Not deleted" in message


def test_bulk_delete_of_images_in_use_is_refused(client, editor, make_image, make_article):
    used, free = make_image(), make_image()
    make_article(headline="Salah exit route named", hero_image=used)

    response = client.post(
        reverse("admin:newsroom_image_changelist"),
        {"action": "delete_selected", "_selected_action": [used.pk, free.pk], "post": "yes"},
        follow=True,
    )

    assert Image.objects.count() == 2
    assert "“Salah exit route named”" in " ".join(str(m) for m in response.context["messages"])


def test_deleting_an_unused_image_removes_its_files(
    client, editor, make_image, settings, django_capture_on_commit_callbacks
):
    image = stored_image(make_image)
    images.responsive_set(image)
    assert media_files(settings)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:newsroom_image_delete", args=[image.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert media_files(settings) == []


def test_saving_an_image_makes_its_renditions(
    client, editor, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_image(client, upload("photo.jpg", picture_bytes(size=(1600, 900))))

    made = [f for f in media_files(settings) if f.startswith("renditions/")]
    assert len(made) == 6 + 3  # three widths in two formats, plus three social crops


def test_the_image_include_renders_a_responsive_picture(make_image):
    image = stored_image(make_image, picture_bytes(size=(1600, 900)), focal_x=0.2)
    html = Template(
        '{% include "includes/image.html" with image=image sizes="50vw" loading="eager" '
        'css_class="story__hero-img" ratio="4x3" %}'
    ).render(Context({"image": image}))

    assert html.startswith("<picture>")
    assert 'sizes="50vw"' in html
    assert 'width="1200" height="900"' in html
    assert 'loading="eager"' in html and 'fetchpriority="high"' in html
    assert 'class="story__hero-img"' in html
    assert "-4x3-f20-50.webp" in html
    lazy = Template('{% include "includes/image.html" with image=image %}').render(
        Context({"image": image})
    )
    assert 'loading="lazy"' in lazy and "fetchpriority" not in lazy
    assert 'sizes="100vw"' in lazy
