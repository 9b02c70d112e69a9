#!/usr/bin/env python3
"""Write a synthetic kommun scenario (*.ramverk) with exactly N posts, for benchmarks.

Usage: Benchmarks/generate.py N OUT.ramverk [SEED]

Deterministic (fixed seed, or SEED): the same N and seed always give the same bytes.
Other seeds give other kommuner of the same shape (Benchmarks/kontrollera.sh).

Shape of the file:
  - header: kommun, nämnd, enhet tkr, tecken nettokostnad
  - two columns: kolumn 2024 "Budget 2024", kolumn 2025 "Budget 2025"
  - one ram per year, set a little above the year's total so the ram holds
  - up to 20 top-level områden, each split into sub-områden of 50-200 posts
    (a few posts sit directly in the top-level område)
  - post names are unique within their område; most are unquoted multi-word names,
    some are quoted (with a comma or a period), some use a tight hyphen
    ("Hälso- och sjukvård"); no name ends in a number
  - amounts in tkr with digit groups ("12 345"); about 15 % of the 2024 amounts and
    most 2025 amounts (last year's ± a few per cent) have one decimal ("1 234,5");
    about 5 % are negative (intäkter), written with "-" or "−"
  - a `summa` line with the exact printed total on about 2 of 3 sub-områden and on
    every top-level område, so every check passes (`ramverk kör` exits 0)
"""
import random
import sys

SEED = 20240101

MUNICIPALITY = "Storvik"
COMMITTEE = "Kommunstyrelsen"

TOP_AREAS = [
    "Förskola", "Grundskola", "Gymnasieskola", "Vuxenutbildning", "Äldreomsorg",
    "Funktionsstöd", "Individ- och familjeomsorg", "Kultur", "Fritid",
    "Samhällsbyggnad", "Gata och park", "Miljö och hälsoskydd", "Räddningstjänst",
    "Kommunledning", "Ekonomi och upphandling", "Personal", "Digitalisering",
    "Fastighet", "Arbetsmarknad", "Kost och lokalvård",
]

PLACES = [
    "Norrby", "Söderby", "Västerby", "Österby", "Ekbacken", "Björkhagen", "Lindholmen",
    "Tallåsen", "Granlunda", "Almvik", "Sjöstaden", "Hamnen", "Kvarnbacken", "Stationsområdet",
    "Brunnsvik", "Källdal", "Hagaberg", "Solhöjden", "Rosendal", "Lövgärdet", "Mossen",
    "Bäckby", "Ängsvik", "Åkerslund", "Strandvik", "Skogsbacka", "Furuhöjd", "Kyrkbyn",
    "Torget", "Västra Hamnen", "Norra Berget", "Södra Ängen", "Gamla stan", "Nydala",
    "Fågelsången", "Vallby", "Ljungby", "Hällby", "Sandvik", "Eneby", "Rönnby", "Aspudden",
    "Hjortvik", "Lunda", "Bergsjön", "Ormberget", "Klippan", "Kärrtorp", "Vårby", "Höjden",
    "Dalen", "Mälarvik", "Fjärdlång", "Utö", "Ornö", "Muskö", "Tungelsta", "Vendelsö",
    "Gudö", "Västerhaninge",
]

DISTRICT_KINDS = [
    "norra", "södra", "östra", "västra", "centrum", "ytterområde", "distrikt",
    "rektorsområde", "verksamhetsområde", "enhetsområde",
]

ACTIVITIES = [
    "Förskolan", "Skolan", "Fritidshemmet", "Hemtjänst", "Särskilt boende", "Gruppbostad",
    "Daglig verksamhet", "Korttidsboende", "Biblioteket", "Fritidsgården", "Simhallen",
    "Idrottsplatsen", "Kulturskolan", "Elevhälsa", "Modersmålsundervisning", "Skolskjuts",
    "Lokalhyror", "Städning", "Måltider", "Vaktmästeri", "Administration", "Ledning",
    "Personalkostnader", "Kompetensutveckling", "Läromedel", "IT-stöd", "Vinterväghållning",
    "Gatubelysning", "Parkskötsel", "Lekplatser", "Badplatser", "Tillsyn", "Bygglov",
    "Planarbete", "Försörjningsstöd", "Familjehem", "Öppenvård", "Missbruksvård",
    "Boendestöd", "Ledsagarservice", "Färdtjänst", "Anhörigstöd", "Dagverksamhet",
    "Nattpatrull", "Hälso- och sjukvård", "Rehabilitering", "Hjälpmedel", "Trygghetslarm",
    "Föreningsbidrag", "Konsthallen", "Musikskolan", "Ungdomsmottagning", "Feriearbete",
    "Integration", "Energi", "Underhåll", "Investeringsstöd", "Reservation", "Beredskap",
    "Kommunikation",
]

QUALIFIERS = [
    "Solrosen", "Blåklockan", "Vitsippan", "Lärkan", "Svalan", "Ugglan", "Myran",
    "Ekorren", "Björnen", "Räven", "Haren", "Tranan", "Måsen", "Gläntan", "Stigen",
    "Kullen", "Lyktan", "Vågen", "Stjärnan", "Regnbågen", "Trollet", "Tomten", "Kotten",
    "Ankan", "Fyren", "Bryggan", "Kajen", "Linden", "Eken", "Rönnen",
]

# Quoted names may hold what unquoted names cannot (commas, parentheses, a period
# before a space). Each pattern adds text that no plain name has, so names stay unique.
QUOTED_PATTERNS = ["{}, gemensamt", "{}, övrigt", "{}. Lokaler", "{} (inkl. lokaler)"]

ROMAN = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def unique_names(rnd, count, first, second, joiner=" "):
    """`count` distinct names built from two word lists, in a shuffled order."""
    size = len(first) * len(second)
    names = []
    round_ = 0
    while len(names) < count:
        suffix = "" if round_ == 0 else " " + (ROMAN[round_ - 1] if round_ <= len(ROMAN) else "Z" * round_)
        for i in rnd.sample(range(size), min(size, count - len(names))):
            a, b = divmod(i, len(second))
            names.append(f"{first[a]}{joiner}{second[b]}{suffix}")
        round_ += 1
    return names


def group(n):
    """Digits of a non-negative integer with a space every three digits: 12 345."""
    s = str(n)
    parts = []
    while len(s) > 3:
        parts.append(s[-3:])
        s = s[:-3]
    parts.append(s)
    return " ".join(reversed(parts))


def amount_text(tenths, rnd):
    """An amount in tenths of tkr as the documents print it: 12 345 or 1 234,5 or −80."""
    negative = tenths < 0
    whole, frac = divmod(abs(tenths), 10)
    text = group(whole) + (f",{frac}" if frac else "")
    if negative:
        text = rnd.choice(["-", "\u2212"]) + text
    return text


def random_amount(rnd):
    """Tenths of tkr: mostly costs from 50 to 250 000 tkr, some income (negative)."""
    magnitude = int(10 ** rnd.uniform(1.7, 5.4))
    tenths = magnitude * 10
    if rnd.random() < 0.15:
        tenths += rnd.randint(1, 9)  # a decimal comma
    if rnd.random() < 0.05:
        tenths = -tenths // 4  # an intäkt
    return tenths


def split_sizes(rnd, total, low, high):
    """Sizes in [low, high] summing to total (the last may be smaller)."""
    sizes = []
    left = total
    while left > 0:
        size = min(left, rnd.randint(low, high))
        sizes.append(size)
        left -= size
    return sizes


class Lines:
    """The body of the file, kept in memory: the rams above it need its totals."""

    def __init__(self):
        self.lines = []

    def line(self, text=""):
        self.lines.append(text)

    def text(self):
        return "\n".join(self.lines) + "\n"


def post_names(rnd, count):
    """`count` names unique within one område; about 8 % of them quoted."""
    result = []
    for name in unique_names(rnd, count, ACTIVITIES, QUALIFIERS):
        if rnd.random() < 0.08:
            result.append('"' + rnd.choice(QUOTED_PATTERNS).format(name) + '"')
        else:
            result.append(name)
    return result


def write_posts(w, rnd, indent, count):
    """Writes `count` posts; returns their sums per column in tenths of tkr."""
    if count == 0:
        return [0, 0]
    names = post_names(rnd, count)
    width = max(len(n) for n in names) + 2
    sums = [0, 0]
    for name in names:
        a = random_amount(rnd)
        # Next year's budget: mostly a small change, sometimes new or removed.
        r = rnd.random()
        if r < 0.02:
            b = 0
        elif r < 0.04 and a != 0:
            b = a * 2
        else:
            b = int(a * rnd.uniform(0.95, 1.08))
        sums[0] += a
        sums[1] += b
        pad = " " * (width - len(name))
        w.line(f"{indent}post {name}{pad}2024: {amount_text(a, rnd):>11}  2025: {amount_text(b, rnd):>11}")
    return sums


def write_total(w, rnd, indent, sums, label=None):
    lab = f' "{label}"' if label else ""
    w.line(f"{indent}summa{lab}  2024: {amount_text(sums[0], rnd)}  2025: {amount_text(sums[1], rnd)}")


def main():
    if len(sys.argv) not in (3, 4):
        sys.stderr.write("usage: generate.py N OUT.ramverk [SEED]\n")
        sys.exit(2)
    n = int(sys.argv[1])
    out_path = sys.argv[2]
    if n < 1:
        sys.stderr.write("N must be at least 1\n")
        sys.exit(2)
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else SEED)

    top_count = max(1, min(len(TOP_AREAS), n // 100))
    per_top = [n // top_count + (1 if i < n % top_count else 0) for i in range(top_count)]

    body = Lines()
    grand = [0, 0]
    for t in range(top_count):
        area_posts = per_top[t]
        direct = min(area_posts, rnd.randint(2, 6))
        subs = split_sizes(rnd, area_posts - direct, 50, 200)
        sub_names = unique_names(rnd, len(subs), PLACES, DISTRICT_KINDS)
        body.line()
        body.line(f"område {TOP_AREAS[t]} {{")
        top_sums = write_posts(body, rnd, "  ", direct)
        for s, size in enumerate(subs):
            body.line(f"  område {sub_names[s]} {{")
            sums = write_posts(body, rnd, "    ", size)
            if rnd.random() < 0.67:
                write_total(body, rnd, "    ", sums)
            body.line("  }")
            top_sums[0] += sums[0]
            top_sums[1] += sums[1]
        write_total(body, rnd, "  ", top_sums, label=f"Summa {TOP_AREAS[t].lower()}")
        body.line("}")
        grand[0] += top_sums[0]
        grand[1] += top_sums[1]

    # Rams: the year's total plus a margin of 0.5-2 %, rounded up to whole tkr.
    rams = []
    for total in grand:
        whole = -(-total // 10)
        rams.append(max(0, whole + abs(whole) * rnd.randint(5, 20) // 1000 + 1))

    with open(out_path, "w", encoding="utf-8") as out:
        out.write(f"# Syntetiskt scenario för benchmark: {n} poster (Benchmarks/generate.py, frö {SEED}).\n\n")
        out.write(f"kommun {MUNICIPALITY}\n")
        out.write(f"nämnd {COMMITTEE}\n")
        out.write("enhet tkr\n")
        out.write("tecken nettokostnad\n\n")
        out.write('kolumn 2024 "Budget 2024"\n')
        out.write('kolumn 2025 "Budget 2025"\n\n')
        out.write(f'ram 2024 = {group(rams[0])} enligt "KF 2023-11-13 § 142"\n')
        out.write(f'ram 2025 = {group(rams[1])} enligt "KF 2024-11-11 § 157"\n')
        out.write(body.text())


if __name__ == "__main__":
    main()
