#!/usr/bin/env bash
# Fuzz/hostile.sh [RAMVERK] — runs the hostile inputs of docs/tillförlitlighet.md through
# a built ramverk (default: a release build, made if missing) and prints the table of
# that document: input, exit code, the codes reported (how many of each), wall time,
# peak memory. Every input is generated in a temporary folder, removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no

ramverk="${1:-}"
if [ -z "$ramverk" ]; then
  swift build -c release --product ramverk >&2
  ramverk="$(swift build -c release --show-bin-path)/ramverk"
fi
# Absolute: the inputs run from their own folder.
ramverk="$(cd "$(dirname "$ramverk")" && pwd)/$(basename "$ramverk")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/ute" "$work/s/del"

python3 - "$work/s" <<'EOF'
import sys, os
d = sys.argv[1]
def w(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
w("stor.ramverk", "kolumn 2024\npost A 2024: 1\n" + ("# " + "budget " * 145 + "\n") * 103_000 + "post B 2024: 1 €\n")
w("rad.ramverk", "kolumn 2024\npost A 2024: " + "€" * 350_000 + "\n")
w("semikolon.ramverk", "x;" * 500_000 + "\n")
w("rader.ramverk", "x\n" * 5_000_000)
w("nul.ramverk", b"\0" * (10 << 20))
w("parenteser.ramverk", "kolumn 2024\npost A 2024: " + "(" * 10_000 + "1" + ")" * 10_000 + "\n")
w("plus.ramverk", "kolumn 2024\nlåt a = " + " + ".join(["1"] * 300_000) + "\npost A 2024: a\n")
w("djup.ramverk", "kolumn 2024\npost P 2024: v198\nlåt v0 = 1\n"
  + "".join(f"låt v{n} = " + "−" * 195 + f"v{n - 1}\n" for n in range(1, 199)))
w("namn.ramverk", "kolumn 2024\n" + "".join(f"låt namn{n} = 1\n" for n in range(40_000))
  + "".join(f"låt ref{n} = nman{n}\n" for n in range(40_000)))
w("cirkel.ramverk", "kolumn 2024\nlåt a = b\nlåt b = a\npost A 2024: a\n")
w("a.ramverk", "inkludera \"b.ramverk\"\n")
w("b.ramverk", "inkludera \"a.ramverk\"\n")
w("overflow.ramverk", "kolumn 2024\nenhet mdkr\npost A 2024: 900 000 000 × 900 000 000\n")
w("noll.ramverk", "kolumn 2024\npost A 2024: 1 / (2 − 2)\n")
w("procent.ramverk", "kolumn 2024\nlåt ökning = 2,4 %\npost A 2024: 1 000 × ökning %\n")
w("latin1.ramverk", b"kolumn 2024\npost Malm\xf6 2024: 1\n")
w("bom-crlf.ramverk", "\ufeffkolumn 2024\r\npost A 2024: 1\r\n")
w("absolut.ramverk", "inkludera \"/etc/passwd\"\n")
w("upp.ramverk", "inkludera \"../ute/x.ramverk\"\n")
w("länk.ramverk", "inkludera \"länk-ut.ramverk\"\n")
w("mapplänk.ramverk", "inkludera \"ute/x.ramverk\"\n")
w("noll-länk.ramverk", "inkludera \"zero.ramverk\"\n")
w("rör.ramverk", "inkludera \"pipe.ramverk\"\n")
w("nul-väg.ramverk", b"inkludera \"del/x\0.ramverk\"\n")
w("del/x", "kommun Hemlig\n")
EOF
printf 'kommun Utanför\n' > "$work/ute/x.ramverk"
ln -s ../ute/x.ramverk "$work/s/länk-ut.ramverk"
ln -s ../ute "$work/s/ute"
ln -s /dev/zero "$work/s/zero.ramverk"
mkfifo "$work/s/pipe.ramverk"
truncate -s 300M "$work/s/jätte.ramverk"

row() {
  local label="$1" file="$2"
  local status=0
  ( cd "$work/s" && /usr/bin/time -f "%e %M" -o "$work/time" timeout 120 "$ramverk" kör "$file" \
      > "$work/out" 2> "$work/err" ) || status=$?
  local codes
  codes="$(grep -ao '\(fel\|varning\|not\)\[R[0-9]*\]' "$work/err" | sed 's/.*\[\(R[0-9]*\)\]/\1/' \
    | sort | uniq -c | awk '{ printf "%s%s × %s", (NR > 1 ? ", " : ""), $2, $1 }' || true)"
  [ -n "$codes" ] || codes="–"
  read -r seconds kilobytes < <(tail -n 1 "$work/time")
  printf '| %s | %s | %s | %s s | %s MB |\n' "$label" "$status" "$codes" "${seconds/./,}" "$((kilobytes / 1024))"
}

echo "| indata | slutkod | koder | tid | minne |"
echo "|---|---|---|---|---|"
row "fil på 100 MB, ett fel på sista raden" stor.ramverk
row "fil på 300 MB (gles)" jätte.ramverk
row "/dev/zero som scenario" /dev/zero
row "rad på 1 MB: 350 000 €" rad.ramverk
row "rad på 1 MB: 500 000 satser med fel" semikolon.ramverk
row "5 000 000 rader med fel" rader.ramverk
row "10 MB NUL" nul.ramverk
row "10 000 nästlade parenteser" parenteser.ramverk
row "300 000 + i rad" plus.ramverk
row "200 värden med 195 minustecken vardera" djup.ramverk
row "40 000 felstavade namn bland 40 000" namn.ramverk
row "a = b, b = a" cirkel.ramverk
row "inkludera i en cirkel" a.ramverk
row "900 000 000 × 900 000 000 mdkr" overflow.ramverk
row "division med noll" noll.ramverk
row "procent av en procentsats" procent.ramverk
row "Latin-1 (ogiltig UTF-8)" latin1.ramverk
row "byte-order mark och CR LF" bom-crlf.ramverk
row "inkludera \"/etc/passwd\"" absolut.ramverk
row "inkludera \"../ute/x.ramverk\"" upp.ramverk
row "inkludera en länk till en fil utanför" länk.ramverk
row "inkludera genom en länkad mapp" mapplänk.ramverk
row "inkludera en länk till /dev/zero" noll-länk.ramverk
row "inkludera en namngiven pipe" rör.ramverk
row "inkludera \"del/x␀.ramverk\"" nul-väg.ramverk
