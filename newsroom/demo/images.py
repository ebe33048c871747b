"""Graphics drawn at load time for the demo: hero images in club colours and simple crests.

Nothing binary is committed and nothing is downloaded; Pillow draws every picture.
"""

from functools import lru_cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

HERO_SIZE = (1600, 900)
CREST_SIZE = 256
FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


@lru_cache(maxsize=16)
def font(size):
    for path in FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    # Pillow's own font, so the demo loads on a machine with no system fonts.
    return ImageFont.load_default(size=size)


def rgb(colour):
    return ImageColor.getrgb(colour)


def shade(colour, factor):
    """The colour darkened (factor < 1) or lightened towards white (factor > 1)."""
    red, green, blue = rgb(colour)
    if factor <= 1:
        return tuple(int(c * factor) for c in (red, green, blue))
    return tuple(int(c + (255 - c) * (factor - 1)) for c in (red, green, blue))


def is_light(colour):
    red, green, blue = rgb(colour)
    return 0.299 * red + 0.587 * green + 0.114 * blue > 150


def text_fill(colour):
    return (17, 24, 39) if is_light(colour) else (255, 255, 255)


# Drawing is the slow part of a load, and the pictures depend only on their arguments.
@lru_cache(maxsize=64)
def hero_graphic(left_colour, right_colour, title, subtitle):
    """A 1600×900 JPEG: a pitch in two club colours with a name and a line of text on it."""
    width, height = HERO_SIZE
    if rgb(left_colour) == rgb(right_colour):
        right_colour = "#{:02x}{:02x}{:02x}".format(*shade(left_colour, 0.45))
    # A horizontal blend from one club's colour to the other's.
    mask = Image.linear_gradient("L").rotate(90).resize(HERO_SIZE)
    picture = Image.composite(
        Image.new("RGB", HERO_SIZE, rgb(right_colour)),
        Image.new("RGB", HERO_SIZE, rgb(left_colour)),
        mask,
    ).convert("RGBA")

    overlay = Image.new("RGBA", HERO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for x in range(-height, width, 120):
        draw.polygon(
            [(x, height), (x + 50, height), (x + 50 + height, 0), (x + height, 0)],
            fill=(255, 255, 255, 14),
        )
    line = (255, 255, 255, 110)
    draw.rectangle((60, 50, width - 60, height - 50), outline=line, width=6)
    draw.line((width // 2, 50, width // 2, height - 50), fill=line, width=6)
    draw.ellipse((width // 2 - 150, height // 2 - 150, width // 2 + 150, height // 2 + 150),
                 outline=line, width=6)  # fmt: skip
    draw.ellipse((width // 2 - 10, height // 2 - 10, width // 2 + 10, height // 2 + 10), fill=line)
    for goal_x, box_x, six_x in ((60, 310, 150), (width - 60, width - 310, width - 150)):
        draw.rectangle(sorted_box(goal_x, 210, box_x, height - 210), outline=line, width=6)
        draw.rectangle(sorted_box(goal_x, 330, six_x, height - 330), outline=line, width=6)
    draw.rectangle((0, height - 270, width, height), fill=(0, 0, 0, 120))
    picture = Image.alpha_composite(picture, overlay)

    draw = ImageDraw.Draw(picture)
    draw.text((100, 90), "TRANSFER DESK", font=font(44), fill=(255, 255, 255, 235))
    title_size = 124
    while draw.textlength(title.upper(), font=font(title_size)) > width - 200 and title_size > 48:
        title_size -= 8
    draw.text((100, height - 245), title.upper(), font=font(title_size), fill=(255, 255, 255))
    draw.text((104, height - 95), subtitle, font=font(52), fill=(255, 255, 255))

    buffer = BytesIO()
    picture.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def sorted_box(x1, y1, x2, y2):
    return (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


@lru_cache(maxsize=64)
def crest(colour, letters):
    """A 256×256 PNG shield in the club's colour with its initials."""
    size = CREST_SIZE
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    shield = [(28, 20), (228, 20), (228, 130), (128, 236), (28, 130)]
    inner = [(44, 36), (212, 36), (212, 124), (128, 214), (44, 124)]
    draw.polygon(shield, fill=shade(colour, 0.6))
    draw.polygon(inner, fill=rgb(colour))
    letter_font = font(72 if len(letters) <= 3 else 50)
    draw.text((128, 110), letters, font=letter_font, fill=text_fill(colour), anchor="mm")
    buffer = BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
