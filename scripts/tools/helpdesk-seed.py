"""Seeds the helpdesk benchmark: writes COUNT threads straight into the helpdesk service's
database, each with the customer's first message and, for two in three, an operator reply an
hour or so later; a third of those are closed. One subject in 10,000 holds the rare word
"pelargonia"; every fifth subject "reklamacja", the common one.

Usage: helpdesk-seed.py DATABASE COUNT"""
import random
import sqlite3
import sys

SUBJECTS = (
    "Paczka nie dotarła", "Zwrot towaru", "Faktura VAT", "Zmiana adresu dostawy", "Uszkodzony produkt",
    "Pytanie o rozmiar", "Płatność nie przeszła", "Kod rabatowy nie działa", "Brak potwierdzenia zamówienia",
)


def main() -> None:
    path, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(7)
    db = sqlite3.connect(path, timeout=60)
    start = 1_795_428_000_000
    with db:
        for i in range(count):
            subject = rng.choice(SUBJECTS)
            if i % 5 == 0:
                subject = "Reklamacja: " + subject.lower()
            if i % 10_000 == 0:
                subject += " (pelargonia)"
            created = start + i * 60_000
            answered = created + rng.randint(600_000, 7_200_000) if i % 3 else None
            closed = answered + 3_600_000 if answered and i % 9 == 1 else None
            status = "closed" if closed else ("operatorReplied" if answered else "reported")
            email = f"klient{i % 50_000}@example.pl"
            cursor = db.execute(
                """INSERT INTO threads (order_number, customer_id, email, email_key, subject, subject_key, status,
                    created_at, updated_at, first_response_at, closed_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (f"ZM/{i}", f"c-{i % 50_000}", email, email, subject, subject.lower(), status, created,
                 closed or answered or created, answered, closed))
            thread = cursor.lastrowid
            db.execute(
                """INSERT INTO messages (thread_id, from_role, author, body, note, created_at)
                   VALUES (?, 'customer', 'storefront:shop', ?, 0, ?)""",
                (thread, "Dzień dobry, proszę o informację w sprawie zamówienia.", created))
            db.execute(
                "INSERT INTO status_changes (thread_id, from_status, to_status, actor, at) VALUES (?, NULL, 'reported', 'storefront:shop', ?)",
                (thread, created))
            if answered:
                db.execute(
                    """INSERT INTO messages (thread_id, from_role, author, body, note, created_at)
                       VALUES (?, 'operator', 'admin:bench', 'Dzień dobry, sprawdzamy.', 0, ?)""",
                    (thread, answered))
    db.close()


main()
