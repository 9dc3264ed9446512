#!/usr/bin/env python3
"""Writes the Spanish (es) locale of Camunda's webapps (Tasklist, Cockpit, Admin, Welcome) from the English one.

Camunda ships en.json and de.json only, inside the webjar (camunda-webapp-webjar-<version>.jar,
META-INF/resources/webjars/camunda/app/<app>/locales/en.json). This script reads those English files, looks every
label up in en-es.json (English text -> Spanish text, one entry per distinct English text) and writes
src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/es.json, which the webapps load instead of
a file that does not exist in the webjar. The Spanish date locale (moment.js: "hace 5 minutos", "en 2 días") is
written beside the labels.

After a Camunda upgrade run it again: it stops and lists every English text that en-es.json does not translate yet
(add them to en-es.json), and WebappLocaleTest fails while a key of en.json is missing from es.json.

  src/tools/webapp-locales/build-es.py            # webjar from ~/.m2, version from pom.xml
  src/tools/webapp-locales/build-es.py --check    # only report, write nothing
"""
import json
import pathlib
import re
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[3]
APPS = ["tasklist", "cockpit", "admin", "welcome"]
TARGET = ROOT / "src/main/resources/META-INF/resources/webjars/camunda/app"
PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}|\{\}|%[sd]")

DATE_LOCALE = {
    "calendar": {
        "lastDay": "[ayer a las] LT",
        "lastWeek": "[el] dddd [pasado a las] LT",
        "nextDay": "[mañana a las] LT",
        "nextWeek": "dddd [a las] LT",
        "sameDay": "[hoy a las] LT",
        "sameElse": "L",
    },
    "longDateFormat": {
        "L": "DD/MM/YYYY",
        "LL": "D [de] MMMM [de] YYYY",
        "LLL": "D [de] MMMM [de] YYYY H:mm",
        "LLLL": "dddd, D [de] MMMM [de] YYYY H:mm",
        "LT": "H:mm",
        "LTS": "H:mm:ss",
    },
    "months": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
               "noviembre", "diciembre"],
    "monthsShort": ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."],
    "relativeTime": {
        "future": "en %s",
        "past": "hace %s",
        "s": "unos segundos",
        "m": "un minuto",
        "mm": "%d minutos",
        "h": "una hora",
        "hh": "%d horas",
        "d": "un día",
        "dd": "%d días",
        "M": "un mes",
        "MM": "%d meses",
        "y": "un año",
        "yy": "%d años",
    },
    "week": {"dow": 1, "doy": 4},
    "weekdays": ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
    "weekdaysMin": ["do", "lu", "ma", "mi", "ju", "vi", "sá"],
    "weekdaysShort": ["dom.", "lun.", "mar.", "mié.", "jue.", "vie.", "sáb."],
}


def camunda_version():
    match = re.search(r"<camunda.version>([^<]+)</camunda.version>", (ROOT / "pom.xml").read_text())
    return match.group(1)


def english_locales():
    version = camunda_version()
    jar = pathlib.Path.home() / (".m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/"
                                 f"{version}/camunda-webapp-webjar-{version}.jar")
    with zipfile.ZipFile(jar) as archive:
        return {app: json.loads(archive.read(
            f"META-INF/resources/webjars/camunda/app/{app}/locales/en.json").decode("utf-8-sig")) for app in APPS}


def main():
    check_only = "--check" in sys.argv
    translations = json.loads((ROOT / "src/tools/webapp-locales/en-es.json").read_text(encoding="utf-8"))
    english = english_locales()
    missing = sorted({text for locale in english.values() for text in locale["labels"].values()
                      if text not in translations})
    broken = sorted(text for text, spanish in translations.items()
                    if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(spanish)))
    if missing or broken:
        for text in missing:
            print("not translated:", json.dumps(text, ensure_ascii=False))
        for text in broken:
            print("placeholders differ:", json.dumps(text, ensure_ascii=False))
        sys.exit(1)
    for app, locale in english.items():
        spanish = {}
        if "dateLocales" in locale:
            spanish["dateLocales"] = DATE_LOCALE
        spanish["labels"] = {key: translations[text] for key, text in locale["labels"].items()}
        path = TARGET / app / "locales/es.json"
        print(f"{app}: {len(spanish['labels'])} labels -> {path.relative_to(ROOT)}")
        if not check_only:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(spanish, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
