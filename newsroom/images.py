"""The image library's rules: what an upload must be, and the resized copies readers get.

Uploads are checked with Pillow before anything touches storage, then re-encoded in memory so
that EXIF orientation is applied and camera metadata (GPS included) never reaches the site.
Renditions live under MEDIA_ROOT/renditions/ with names derived from the image and the request,
so a rendition is made once, on first use or on save, and found again by its name.
"""

import hashlib
import io
import logging
import math
import warnings
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

# Pillow format name -> file name extensions that may carry it.
FORMAT_EXTENSIONS = {
    "JPEG": ("jpg", "jpeg"),
    "PNG": ("png",),
    "WEBP": ("webp",),
    "GIF": ("gif",),
}
EXTENSION_FORMATS = {ext: fmt for fmt, exts in FORMAT_EXTENSIONS.items() for ext in exts}
FORMAT_LABELS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
ACCEPTED = "a JPEG, PNG, WebP or GIF"
# Metadata a re-encoded file keeps: how it looks and moves, never where or with what it was taken.
KEPT_INFO = ("icc_profile", "transparency", "duration", "loop", "background")

RATIOS = {"16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}
RENDITION_FORMATS = {
    "webp": ("WEBP", "image/webp", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", "image/jpeg", {"quality": 82, "optimize": True, "progressive": True}),
}
RENDITION_EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}
RENDITIONS_DIR = "renditions"
KNOWN_FOR = 60 * 60 * 24


def max_upload_bytes():
    return getattr(settings, "IMAGE_MAX_UPLOAD_BYTES", 15 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "IMAGE_MAX_PIXELS", 40_000_000)


def rendition_widths():
    return tuple(getattr(settings, "IMAGE_RENDITION_WIDTHS", (400, 800, 1200)))


# Uploads ---------------------------------------------------------------------------------------


def _megapixels(pixels):
    return f"{pixels / 1_000_000:.0f} megapixels" if pixels >= 1_000_000 else f"{pixels:,} pixels"


def _too_many_pixels(detail=""):
    return ValidationError(
        f"This image is too large to use{detail}: the limit is {_megapixels(max_pixels())}. "
        "Export a smaller version (3,000 pixels wide is plenty) and upload that.",
        code="too_many_pixels",
    )


def _looks_like_svg(head):
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in text


def prepare_upload(upload):
    """Check an uploaded file and return a clean copy to store, or raise ValidationError.

    The copy is re-encoded in the same format with EXIF orientation applied and metadata dropped,
    and is named after the original with its canonical extension. Nothing is written anywhere.
    """
    name = PurePosixPath(upload.name or "image")
    extension = name.suffix.lower().lstrip(".")
    if upload.size > max_upload_bytes():
        raise ValidationError(
            f"This file is {filesizeformat(upload.size)}; the limit is "
            f"{filesizeformat(max_upload_bytes())}. Export a smaller version and try again.",
            code="file_too_large",
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if extension == "svg" or _looks_like_svg(head):
        raise ValidationError(
            f"SVG images are not accepted, because they can carry scripts. Upload {ACCEPTED} "
            "instead.",
            code="svg",
        )
    expected = EXTENSION_FORMATS.get(extension)
    if expected is None:
        shown = f"“.{extension}” files" if extension else "Files without an extension"
        raise ValidationError(
            f"{shown} are not accepted. Upload {ACCEPTED} file (.jpg, .png, .webp or .gif).",
            code="extension",
        )

    with warnings.catch_warnings():
        # Pillow only warns in the band between its limit and twice it; here that is an error.
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            picture = PILImage.open(upload, formats=list(FORMAT_EXTENSIONS))
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError) as error:
            raise _too_many_pixels() from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                f"This file is not {ACCEPTED} image, or it is damaged. Open it in an image "
                "editor, export it again and upload the new file.",
                code="not_an_image",
            ) from error

        with picture:
            if picture.format != expected:
                actual = FORMAT_LABELS[picture.format]
                raise ValidationError(
                    f"The file is named “{name.name}” but contains a {actual} image. Rename it "
                    f"to end in .{FORMAT_EXTENSIONS[picture.format][0]} or export it again as "
                    f"{FORMAT_LABELS[expected]}.",
                    code="extension_mismatch",
                )
            try:
                data = _check_and_reencode(picture, expected)
            except ValidationError:
                raise
            except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError) as error:
                raise _too_many_pixels() from error
            except Exception as error:
                # Pillow's decoders fail on hostile files in many ways (OSError, EOFError,
                # struct.error, ...): all of them mean the same thing to the editor.
                logger.info("Refused a damaged image upload %r: %r", name.name, error)
                raise ValidationError(
                    "This image is truncated or damaged: it could not be read to the end. "
                    "Export it again and upload the new file.",
                    code="damaged",
                ) from error

    stem = get_valid_filename(name.stem)[:80] or "image"
    return ContentFile(data, name=f"{stem}.{FORMAT_EXTENSIONS[expected][0]}")


def _clean_info(source):
    return {key: source.info[key] for key in KEPT_INFO if key in source.info}


def _check_and_reencode(picture, fmt):
    """Decode every pixel (which finds truncated files) and write a metadata-free copy."""
    width, height = picture.size
    frames = getattr(picture, "n_frames", 1)
    # An animation counts every frame: a thousand small frames decode like one huge one.
    if width * height * frames > max_pixels():
        detail = f" ({width:,} × {height:,} pixels"
        detail += f", {frames} frames)" if frames > 1 else ")"
        raise _too_many_pixels(detail)

    out = io.BytesIO()
    if frames > 1:
        copies = []
        for index in range(frames):
            picture.seek(index)
            frame = picture.copy()
            frame.info = _clean_info(picture)
            copies.append(frame)
        first, *rest = copies
        first.save(out, fmt, save_all=True, append_images=rest, **_save_options(fmt, first))
        return out.getvalue()

    picture.load()
    upright = ImageOps.exif_transpose(picture)
    upright.info = _clean_info(picture)
    upright.save(out, fmt, **_save_options(fmt, upright))
    return out.getvalue()


def _save_options(fmt, picture):
    # Passing exif=b"" explicitly stops encoders that fall back on image.info from copying it.
    options = {"exif": b""}
    if icc := picture.info.get("icc_profile"):
        options["icc_profile"] = icc
    if fmt == "JPEG":
        options |= {"quality": 90, "optimize": True}
    elif fmt == "WEBP":
        options |= {"quality": 90, "method": 4}
    elif fmt == "GIF":
        options = {key: picture.info[key] for key in ("duration", "loop") if key in picture.info}
        options["comment"] = b""
    return options


# Renditions ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int
    mime_type: str

    @cached_property
    def url(self):
        # Once per rendition: renditions are remembered per process (see get_renditions), and
        # a page of cards asks for a dozen URLs each.
        return default_storage.url(self.name)


def crop_box(width, height, ratio=None, focal_x=None, focal_y=None):
    """The largest box of `ratio` inside width × height, centred on the focal point if possible."""
    if not ratio:
        return (0, 0, width, height)
    ratio_w, ratio_h = RATIOS[ratio]
    if width * ratio_h > height * ratio_w:
        crop_w, crop_h = max(1, round(height * ratio_w / ratio_h)), height
    else:
        crop_w, crop_h = width, max(1, round(width * ratio_h / ratio_w))
    fx = 0.5 if focal_x is None else focal_x
    fy = 0.5 if focal_y is None else focal_y
    left = min(max(round(fx * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(fy * height - crop_h / 2), 0), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def _source_size(image):
    if image.width and image.height:
        return image.width, image.height
    with image.file.open("rb") as handle, PILImage.open(handle) as picture:
        return picture.size


def _folder(image_pk, file_name):
    # One folder per image and file version: a replaced file never inherits old renditions.
    digest = hashlib.sha256(file_name.encode()).hexdigest()[:10]
    return f"{RENDITIONS_DIR}/{image_pk}-{digest}"


def _spec(image, width, ratio, fmt, source_size):
    if ratio is not None and ratio not in RATIOS:
        raise ValueError(f"Unknown ratio {ratio!r}; use one of {', '.join(RATIOS)}.")
    if fmt not in RENDITION_FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; use webp or jpeg.")
    box = crop_box(*source_size, ratio, image.focal_x, image.focal_y)
    box_w, box_h = box[2] - box[0], box[3] - box[1]
    # Never upscale: a small original gives a smaller rendition, not a blurred one.
    out_w = min(width, box_w)
    out_h = max(1, round(box_h * out_w / box_w))
    parts = [f"{out_w}w"]
    if ratio:
        parts.append(ratio)
        if image.focal_x is not None or image.focal_y is not None:
            fx = round(100 * (0.5 if image.focal_x is None else image.focal_x))
            fy = round(100 * (0.5 if image.focal_y is None else image.focal_y))
            parts.append(f"f{fx}-{fy}")
    name = f"{_folder(image.pk, image.file.name)}/{'-'.join(parts)}.{RENDITION_EXTENSIONS[fmt]}"
    return name, box, (out_w, out_h)


# Every card, feed item and JSON-LD block asks for its picture's renditions. Their names depend
# only on what is in this key, so once they are known to exist a process need not ask the cache
# again: a home page of twenty cards otherwise costs twenty cache round trips, a feed a hundred.
_known = {}
KNOWN_IN_PROCESS_MAX = 10_000


def get_renditions(image, requests):
    """Renditions for (width, ratio, fmt) requests, making the missing ones from one decode.

    Existing files are reused as they are: a rendition's name says everything it depends on.
    """
    key = (
        getattr(default_storage, "location", None) or getattr(default_storage, "bucket_name", ""),
        image.pk,
        image.file.name,
        image.width,
        image.height,
        image.focal_x,
        image.focal_y,
        tuple(requests),
    )
    if key not in _known:
        if len(_known) >= KNOWN_IN_PROCESS_MAX:
            _known.clear()
        _known[key] = _get_renditions(image, requests)
    return _known[key]


def _get_renditions(image, requests):
    source_size = _source_size(image)
    specs = [(_spec(image, w, r, f, source_size), f) for w, r, f in requests]
    unique = list(dict.fromkeys(specs))
    # Remote storage answers exists() over the network: remember the files known to be there.
    known = cache.get_many([_cache_key(name) for (name, _box, _size), _fmt in unique])
    missing = []
    for spec, fmt in unique:
        if _cache_key(spec[0]) not in known and not default_storage.exists(spec[0]):
            missing.append((spec, fmt))
    if missing:
        _render(image, missing)
    unknown = {
        key: True
        for key in (_cache_key(name) for (name, _box, _size), _fmt in unique)
        if key not in known
    }
    if unknown:
        cache.set_many(unknown, KNOWN_FOR)
    return [
        Rendition(name, size[0], size[1], RENDITION_FORMATS[fmt][1])
        for (name, _box, size), fmt in specs
    ]


def _cache_key(name):
    return "rendition:" + hashlib.sha256(name.encode()).hexdigest()[:32]


def get_rendition(image, width, *, ratio=None, fmt="webp"):
    return get_renditions(image, [(width, ratio, fmt)])[0]


def _flatten(picture, fmt):
    if picture.mode in ("RGBA", "LA") or (picture.mode == "P" and "transparency" in picture.info):
        picture = picture.convert("RGBA")
        if fmt == "JPEG":
            # JPEG has no transparency: lay the picture on white, as a page would show it.
            background = PILImage.new("RGB", picture.size, "white")
            background.paste(picture, mask=picture.getchannel("A"))
            return background
        return picture
    return picture.convert("RGB")


def _render(image, specs):
    with image.file.open("rb") as handle, PILImage.open(handle) as source:
        full_w, full_h = source.size
        scale = 1.0
        if source.format == "JPEG":
            # JPEG can decode at 1/2, 1/4 or 1/8 scale: ask for the smallest that still gives
            # every box enough pixels, then scale the boxes to match.
            needed = max(size[0] / (box[2] - box[0]) for (_name, box, size), _fmt in specs)
            source.draft("RGB", (math.ceil(full_w * needed), math.ceil(full_h * needed)))
            scale = source.size[0] / full_w
        source.load()
        for (name, box, size), fmt in specs:
            pillow_format, _mime, options = RENDITION_FORMATS[fmt]
            scaled_box = tuple(round(edge * scale) for edge in box)
            picture = _flatten(source.crop(scaled_box), pillow_format)
            picture = picture.resize(size, PILImage.Resampling.LANCZOS)
            out = io.BytesIO()
            picture.save(out, pillow_format, **options)
            saved = default_storage.save(name, ContentFile(out.getvalue()))
            if saved != name:
                # Another request made the same rendition meanwhile: keep theirs, drop ours.
                default_storage.delete(saved)


def responsive_set(image, ratio=None):
    """WebP and JPEG renditions at the configured widths, without duplicates for small images."""
    widths = rendition_widths()
    requests = [(w, ratio, fmt) for fmt in ("webp", "jpeg") for w in widths]
    renditions = get_renditions(image, requests)
    webp = list({r.width: r for r in renditions[: len(widths)]}.values())
    jpeg = list({r.width: r for r in renditions[len(widths) :]}.values())
    return webp, jpeg


def social_rendition(image, ratio="16x9", width=1200):
    """A JPEG for Open Graph, feeds and JSON-LD: every consumer reads JPEG, not all read WebP."""
    return get_rendition(image, width, ratio=ratio, fmt="jpeg")


def structured_data_renditions(image, width=1200):
    """16x9, 4x3 and 1x1 JPEG crops around the focal point: what NewsArticle JSON-LD asks for."""
    return [social_rendition(image, ratio, width) for ratio in RATIOS]


def make_standard_renditions(image):
    """Made on save so the first reader does not wait; failures are logged, never raised."""
    try:
        responsive_set(image)
        structured_data_renditions(image)
    except Exception:
        logger.exception("Could not make renditions for image %s", image.pk)


def delete_files(image_pk, file_name, storage=None):
    """Remove an image's original and every rendition of that file."""
    storage = storage or default_storage
    if not file_name:
        return
    folder = _folder(image_pk, file_name)
    try:
        _dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        files = []
    names = [f"{folder}/{file}" for file in files]
    for name in names:
        storage.delete(name)
    cache.delete_many([_cache_key(name) for name in names])
    storage.delete(file_name)
