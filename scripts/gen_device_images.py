"""Draw the till's pictures of the device categories (flat icons on a
coloured tile), into addons/defis_reuse/static/img/category/<code>.png.
Drawn here with Pillow's shapes: the pictures are the project's own work,
under the project's licence.

Usage: .venv/bin/python scripts/gen_device_images.py"""
import os

from PIL import Image, ImageDraw

SIZE = 256
SCALE = 4  # drawn larger, then reduced: smooth edges
FOLDER = os.path.join(os.path.dirname(__file__), "..", "addons", "defis_reuse", "static",
                      "img", "category")
INK = (38, 50, 56)
SCREEN = (144, 202, 249)
PAPER = (250, 250, 250)
TILES = {
    "desktop": (255, 224, 178), "laptop": (200, 230, 201), "monitor": (187, 222, 251),
    "tablet": (225, 190, 231), "phone": (255, 205, 210), "printer": (215, 204, 200),
    "scanner": (178, 235, 242), "other": (240, 244, 195),
}


def box(draw, x0, y0, x1, y1, fill, radius=6, outline=INK, width=6):
    draw.rounded_rectangle([x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE],
                           radius=radius * SCALE, fill=fill, outline=outline,
                           width=width * SCALE)


def polygon(draw, points, fill):
    draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill=fill, outline=INK)


def disc(draw, x, y, r, fill=INK):
    draw.ellipse([(x - r) * SCALE, (y - r) * SCALE, (x + r) * SCALE, (y + r) * SCALE],
                 fill=fill)


def monitor(draw, x0=48, y0=56, x1=208, y1=168):
    box(draw, x0, y0, x1, y1, SCREEN)
    box(draw, (x0 + x1) / 2 - 12, y1, (x0 + x1) / 2 + 12, y1 + 24, INK, radius=2)
    box(draw, (x0 + x1) / 2 - 44, y1 + 22, (x0 + x1) / 2 + 44, y1 + 34, INK, radius=4)


def draw_desktop(draw):
    monitor(draw, 36, 64, 172, 160)
    box(draw, 180, 56, 224, 200, (120, 144, 156))
    disc(draw, 202, 80, 5)
    box(draw, 190, 100, 214, 108, INK, radius=1, width=1)


def draw_laptop(draw):
    box(draw, 64, 60, 192, 150, SCREEN)
    polygon(draw, [(40, 160), (216, 160), (232, 190), (24, 190)], (120, 144, 156))
    box(draw, 108, 168, 148, 178, INK, radius=2, width=1)


def draw_monitor(draw):
    monitor(draw)


def draw_tablet(draw):
    box(draw, 68, 40, 188, 216, INK, radius=16)
    box(draw, 80, 56, 176, 190, SCREEN, radius=4, width=2)
    disc(draw, 128, 203, 6, PAPER)


def draw_phone(draw):
    box(draw, 90, 32, 166, 224, INK, radius=14)
    box(draw, 100, 52, 156, 196, SCREEN, radius=4, width=2)
    disc(draw, 128, 210, 6, PAPER)


def draw_printer(draw):
    box(draw, 76, 36, 180, 100, PAPER)
    box(draw, 40, 96, 216, 176, (120, 144, 156))
    disc(draw, 192, 120, 6, (129, 199, 132))
    box(draw, 76, 150, 180, 216, PAPER)
    for y in (170, 186, 202):
        box(draw, 92, y, 164, y + 4, INK, radius=1, width=1)


def draw_scanner(draw):
    polygon(draw, [(44, 96), (212, 96), (224, 80), (56, 80)], (120, 144, 156))
    box(draw, 32, 104, 224, 176, (144, 164, 174))
    box(draw, 56, 120, 200, 136, SCREEN, radius=2, width=3)
    disc(draw, 200, 158, 6, (129, 199, 132))


def draw_other(draw):
    # a keyboard and a mouse
    box(draw, 28, 120, 180, 200, (120, 144, 156))
    for row in range(3):
        for col in range(6):
            x = 40 + col * 23
            y = 132 + row * 21
            box(draw, x, y, x + 16, y + 14, PAPER, radius=2, width=2)
    box(draw, 190, 124, 232, 196, (144, 164, 174), radius=20)
    box(draw, 208, 132, 214, 150, INK, radius=2, width=1)
    draw.line([(211 * SCALE, 124 * SCALE), (200 * SCALE, 70 * SCALE),
               (150 * SCALE, 56 * SCALE)], fill=INK, width=6 * SCALE)


def picture(code):
    image = Image.new("RGB", (SIZE * SCALE, SIZE * SCALE), TILES[code])
    draw = ImageDraw.Draw(image)
    globals()["draw_%s" % code](draw)
    return image.resize((SIZE, SIZE), Image.LANCZOS)


def main():
    os.makedirs(FOLDER, exist_ok=True)
    for code in TILES:
        path = os.path.join(FOLDER, "%s.png" % code)
        picture(code).save(path, optimize=True)
        print(os.path.normpath(path))


if __name__ == "__main__":
    main()
