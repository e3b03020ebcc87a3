"""Seeds the reviews benchmark: writes COUNT reviews straight into the reviews service's database
(the migrations' triggers keep the summaries and the search index as the service would), a tenth
of them published, spread over 1,000 products, with comments of 8–30 words drawn from a fixed
vocabulary by a seeded generator. One comment in 10,000 holds the rare word "pelargonia"; every
comment has a 1-in-3 chance of "kubek", the common one.

Usage: reviews-seed.py DATABASE COUNT"""
import random
import sqlite3
import sys

WORDS = (
    "świetny produkt polecam jakość szybka wysyłka zgodny opis cena dobry bardzo słaby działa "
    "kolor rozmiar pasuje idealnie zwrot reklamacja sklep obsługa miła paczka dotarła uszkodzona "
    "żółty zielony czerwony mały duży ciężki lekki wygodny twardy miękki zapach smak herbata kawa "
    "ładny brzydki solidny tani drogi prezent córka syn żona mąż babcia dziadek ogród kuchnia łazienka "
    "sypialnia biuro szkoła wakacje zima lato jesień wiosna deszcz słońce śnieg wiatr ciepły zimny"
).split()


def comment(rng: random.Random, index: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 30))]
    if rng.random() < 1 / 3:
        words.insert(rng.randrange(len(words)), "kubek")
    if index % 10_000 == 0:
        words.insert(rng.randrange(len(words)), "pelargonia")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def main() -> None:
    path, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(42)
    db = sqlite3.connect(path, timeout=60)
    now = 1_795_428_000_000

    def rows():
        for i in range(count):
            text = comment(rng, i)
            product = i % 1000
            published = 1 if i % 10 == 0 else 0
            yield (
                f"p-{product}", f"Produkt {product}", rng.randint(1, 5), text, text.lower(), f"Autor {i}",
                None, published, published, now + i, now + i,
            )

    with db:
        db.executemany(
            """INSERT INTO reviews (product_id, product_name, rating, comment, search_text, author_name,
                customer_id, moderated, active, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows(),
        )
    db.close()


main()
