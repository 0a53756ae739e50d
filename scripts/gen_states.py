#!/usr/bin/env python3
"""Generates data/actors/world-states.toml: every state of the country-code crosswalk
(data/crosswalk/countries.csv) that data/actors/states.toml does not already declare, as an
entente [[actor]] of kind `state`.

    python3 scripts/gen_states.py            # rewrite data/actors/world-states.toml
    python3 scripts/gen_states.py --check    # exit 1 if the file is not what the script writes

What comes from where:
- codes (iso3, iso2, cow, gw, cameo, fips, wikidata): the crosswalk, from the state's current
  row, or for a dissolved state its last row (one actor has one set of codes; the crosswalk keeps
  the earlier rows and their dates, and the importers resolve dated codes through it). An ISO code
  that passed to another actor is left out of the earlier state (North Yemen's YEM/YE are unified
  Yemen's), since ISO codes name one actor each;
- formal name, short name, aliases, demonyms and capital: the table below, written by hand. The
  PETRARCH/Phoenix country dictionary (Phoenix.Countries.actors.txt, MIT, Open Event Data Alliance)
  was read for synonyms; only names that denote the state alone are kept: no city or region, no
  lower-case word, no abbreviation that is an ordinary word, nothing another actor already uses.
  Demonyms shared by two states ("Congolese", "Dominican" for Dominica) are left out. A capital is
  never an alias.

The 45 states in data/actors/states.toml are written by hand there and are not generated.
"""

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CROSSWALK = ROOT / "data/crosswalk/countries.csv"
HAND = ROOT / "data/actors/states.toml"
OUT = ROOT / "data/actors/world-states.toml"

# id | formal name | short name ("" = same as the formal name) | aliases ; | demonyms ; | capital | note
STATES = """
DZA|People's Democratic Republic of Algeria|Algeria||Algerian|Algiers|
AND|Principality of Andorra|Andorra||Andorran|Andorra la Vella|
AGO|Republic of Angola|Angola||Angolan|Luanda|
ATG|Antigua and Barbuda||Antigua|Antiguan;Barbudan|Saint John's|
ARG|Argentine Republic|Argentina||Argentine;Argentinian|Buenos Aires|
ARM|Republic of Armenia|Armenia||Armenian|Yerevan|
ABW|Aruba||||Oranjestad|A constituent country of the Kingdom of the Netherlands, not a sovereign state; listed because SIPRI's register names it as a recipient.
AZE|Republic of Azerbaijan|Azerbaijan||Azerbaijani|Baku|
BHS|Commonwealth of The Bahamas|Bahamas|The Bahamas|Bahamian|Nassau|
BHR|Kingdom of Bahrain|Bahrain||Bahraini|Manama|
BGD|People's Republic of Bangladesh|Bangladesh||Bangladeshi|Dhaka|
BRB|Barbados|||Barbadian;Bajan|Bridgetown|
BLR|Republic of Belarus|Belarus|Byelorussia;Belorussia|Belarusian|Minsk|
BLZ|Belize|||Belizean|Belmopan|
BEN|Republic of Benin|Benin|Dahomey|Beninese|Porto-Novo|Porto-Novo is the constitutional capital; the government sits in Cotonou.
BTN|Kingdom of Bhutan|Bhutan||Bhutanese|Thimphu|
BOL|Plurinational State of Bolivia|Bolivia||Bolivian|Sucre|Sucre is the constitutional capital; the government sits in La Paz.
BIH|Bosnia and Herzegovina||Bosnia;Bosnia-Herzegovina|Bosnian|Sarajevo|
BWA|Republic of Botswana|Botswana||Motswana;Batswana|Gaborone|
BRA|Federative Republic of Brazil|Brazil||Brazilian|Brasília|
BRN|Brunei Darussalam|Brunei||Bruneian|Bandar Seri Begawan|
BFA|Burkina Faso||Upper Volta|Burkinabè|Ouagadougou|
BDI|Republic of Burundi|Burundi||Burundian|Gitega|Gitega became the political capital in 2019; Bujumbura remains the economic capital.
CPV|Republic of Cabo Verde|Cabo Verde|Cape Verde|Cabo Verdean;Cape Verdean|Praia|
KHM|Kingdom of Cambodia|Cambodia|Kampuchea|Cambodian|Phnom Penh|
CMR|Republic of Cameroon|Cameroon||Cameroonian|Yaoundé|
CAF|Central African Republic||||Bangui|
TCD|Republic of Chad|Chad||Chadian|N'Djamena|
CHL|Republic of Chile|Chile||Chilean|Santiago|
COL|Republic of Colombia|Colombia||Colombian|Bogotá|
COM|Union of the Comoros|Comoros||Comorian|Moroni|
COG|Republic of the Congo|Republic of the Congo|Congo-Brazzaville;Republic of Congo||Brazzaville|
COD|Democratic Republic of the Congo|DR Congo|DRC;Congo-Kinshasa;Zaire||Kinshasa|Named Zaire from 1971 to 1997.
CRI|Republic of Costa Rica|Costa Rica||Costa Rican|San José|
CIV|Republic of Côte d'Ivoire|Côte d'Ivoire|Ivory Coast|Ivorian|Yamoussoukro|Yamoussoukro is the official capital; Abidjan is the economic centre and seat of most ministries.
CUB|Republic of Cuba|Cuba||Cuban|Havana|
CYP|Republic of Cyprus|Cyprus||Cypriot|Nicosia|
CSK|Czechoslovakia||Czecho-Slovakia|Czechoslovak|Prague|The Czechoslovak Republic, from 1960 the Czechoslovak Socialist Republic, from 1990 the Czech and Slovak Federative Republic; dissolved on 1992-12-31 into Czechia and Slovakia.
DJI|Republic of Djibouti|Djibouti||Djiboutian|Djibouti|
DMA|Commonwealth of Dominica|Dominica|||Roseau|
DOM|Dominican Republic|||Dominican|Santo Domingo|
ECU|Republic of Ecuador|Ecuador||Ecuadorian|Quito|
EGY|Arab Republic of Egypt|Egypt||Egyptian|Cairo|
SLV|Republic of El Salvador|El Salvador||Salvadoran;Salvadorean|San Salvador|
GNQ|Republic of Equatorial Guinea|Equatorial Guinea||Equatorial Guinean;Equatoguinean|Malabo|
ERI|State of Eritrea|Eritrea||Eritrean|Asmara|
SWZ|Kingdom of Eswatini|Eswatini|Swaziland|Swazi|Mbabane|Mbabane is the administrative capital; Lobamba is the royal and legislative capital. Named Swaziland until 2018.
ETH|Federal Democratic Republic of Ethiopia|Ethiopia||Ethiopian|Addis Ababa|
FJI|Republic of Fiji|Fiji||Fijian|Suva|
GAB|Gabonese Republic|Gabon||Gabonese|Libreville|
GMB|Republic of The Gambia|Gambia|The Gambia|Gambian|Banjul|
GEO|Georgia|||Georgian|Tbilisi|
DDR|German Democratic Republic|East Germany|GDR;DDR|East German|East Berlin|Merged into the Federal Republic of Germany on 1990-10-03.
GHA|Republic of Ghana|Ghana||Ghanaian|Accra|
GRD|Grenada|||Grenadian|Saint George's|
GTM|Republic of Guatemala|Guatemala||Guatemalan|Guatemala City|
GIN|Republic of Guinea|Guinea|Guinea-Conakry|Guinean|Conakry|
GNB|Republic of Guinea-Bissau|Guinea-Bissau||Bissau-Guinean|Bissau|
GUY|Co-operative Republic of Guyana|Guyana||Guyanese|Georgetown|
HTI|Republic of Haiti|Haiti||Haitian|Port-au-Prince|
HND|Republic of Honduras|Honduras||Honduran|Tegucigalpa|
IND|Republic of India|India||Indian|New Delhi|
IDN|Republic of Indonesia|Indonesia||Indonesian|Jakarta|A 2022 law makes Nusantara the future capital; Jakarta remains the capital until the move is decreed.
IRN|Islamic Republic of Iran|Iran||Iranian|Tehran|
IRQ|Republic of Iraq|Iraq||Iraqi|Baghdad|
ISR|State of Israel|Israel||Israeli|Jerusalem|Israel names Jerusalem its capital; most states do not recognise it as such and keep their embassies in Tel Aviv.
JAM|Jamaica|||Jamaican|Kingston|
JOR|Hashemite Kingdom of Jordan|Jordan||Jordanian|Amman|
KAZ|Republic of Kazakhstan|Kazakhstan||Kazakh;Kazakhstani|Astana|The capital was named Nur-Sultan from 2019 to 2022.
KEN|Republic of Kenya|Kenya||Kenyan|Nairobi|
KIR|Republic of Kiribati|Kiribati||I-Kiribati|South Tarawa|
XKX|Republic of Kosovo|Kosovo||Kosovar;Kosovan|Pristina|Declared independence on 2008-02-17; recognised by some states and not others, and not a UN member. ISO 3166 assigns it no code; XKX is the user-assigned code the EU, IMF and World Bank use.
KWT|State of Kuwait|Kuwait||Kuwaiti|Kuwait City|
KGZ|Kyrgyz Republic|Kyrgyzstan|Kirghizia|Kyrgyz;Kyrgyzstani|Bishkek|
LAO|Lao People's Democratic Republic|Laos|Lao PDR|Lao;Laotian|Vientiane|
LBN|Lebanese Republic|Lebanon||Lebanese|Beirut|
LSO|Kingdom of Lesotho|Lesotho||Mosotho;Basotho|Maseru|
LBR|Republic of Liberia|Liberia||Liberian|Monrovia|
LIE|Principality of Liechtenstein|Liechtenstein||Liechtensteiner|Vaduz|
MDG|Republic of Madagascar|Madagascar||Malagasy|Antananarivo|
MWI|Republic of Malawi|Malawi||Malawian|Lilongwe|
MYS|Malaysia|||Malaysian|Kuala Lumpur|Putrajaya is the administrative centre.
MDV|Republic of Maldives|Maldives||Maldivian|Malé|
MLI|Republic of Mali|Mali||Malian|Bamako|
MLT|Republic of Malta|Malta||Maltese|Valletta|
MHL|Republic of the Marshall Islands|Marshall Islands||Marshallese|Majuro|
MRT|Islamic Republic of Mauritania|Mauritania||Mauritanian|Nouakchott|
MUS|Republic of Mauritius|Mauritius||Mauritian|Port Louis|
MEX|United Mexican States|Mexico||Mexican|Mexico City|
FSM|Federated States of Micronesia|Micronesia|||Palikir|
MDA|Republic of Moldova|Moldova||Moldovan|Chișinău|
MCO|Principality of Monaco|Monaco||Monegasque|Monaco|
MNG|Mongolia|||Mongolian|Ulaanbaatar|
MAR|Kingdom of Morocco|Morocco||Moroccan|Rabat|
MOZ|Republic of Mozambique|Mozambique||Mozambican|Maputo|
MMR|Republic of the Union of Myanmar|Myanmar|Burma|Burmese|Naypyidaw|
NAM|Republic of Namibia|Namibia||Namibian|Windhoek|
NRU|Republic of Nauru|Nauru||Nauruan||Nauru has no official capital; its government sits in the Yaren district.
NPL|Federal Democratic Republic of Nepal|Nepal||Nepali;Nepalese|Kathmandu|
NIC|Republic of Nicaragua|Nicaragua||Nicaraguan|Managua|
NER|Republic of the Niger|Niger||Nigerien|Niamey|
NGA|Federal Republic of Nigeria|Nigeria||Nigerian|Abuja|
OMN|Sultanate of Oman|Oman||Omani|Muscat|
PAK|Islamic Republic of Pakistan|Pakistan||Pakistani|Islamabad|
PLW|Republic of Palau|Palau||Palauan|Ngerulmud|
PSE|State of Palestine|Palestine||Palestinian||A UN non-member observer state since 2012; FIPS 10-4 codes the West Bank and Gaza apart. Its capital is disputed: it claims East Jerusalem, and its government sits in Ramallah.
PAN|Republic of Panama|Panama||Panamanian|Panama City|
PNG|Independent State of Papua New Guinea|Papua New Guinea||Papua New Guinean|Port Moresby|
PRY|Republic of Paraguay|Paraguay||Paraguayan|Asunción|
PER|Republic of Peru|Peru||Peruvian|Lima|
PHL|Republic of the Philippines|Philippines||Filipino;Philippine|Manila|
QAT|State of Qatar|Qatar||Qatari|Doha|
SUN|Union of Soviet Socialist Republics|Soviet Union|USSR;U.S.S.R.|Soviet|Moscow|Dissolved on 1991-12-25; Russia continues its seat in the UN and its treaty obligations.
RWA|Republic of Rwanda|Rwanda||Rwandan|Kigali|
KNA|Federation of Saint Kitts and Nevis|Saint Kitts and Nevis|St Kitts and Nevis;St. Kitts and Nevis|Kittitian;Nevisian|Basseterre|
LCA|Saint Lucia||St Lucia;St. Lucia|Saint Lucian|Castries|
VCT|Saint Vincent and the Grenadines||St Vincent and the Grenadines;St. Vincent and the Grenadines|Vincentian|Kingstown|
WSM|Independent State of Samoa|Samoa|Western Samoa|Samoan|Apia|
SMR|Republic of San Marino|San Marino||Sammarinese|San Marino|
STP|Democratic Republic of São Tomé and Príncipe|São Tomé and Príncipe|Sao Tome and Principe|Santomean|São Tomé|
SAU|Kingdom of Saudi Arabia|Saudi Arabia|KSA|Saudi|Riyadh|
SEN|Republic of Senegal|Senegal||Senegalese|Dakar|
YUG|Socialist Federal Republic of Yugoslavia|Yugoslavia|SFRY|Yugoslav|Belgrade|Its dissolution began in 1991; the crosswalk ends it on 1992-04-26, when the Federal Republic of Yugoslavia (entente's SRB) was proclaimed.
SRB|Republic of Serbia|Serbia|Federal Republic of Yugoslavia;FRY;Serbia and Montenegro|Serbian;Serb|Belgrade|One actor, as for COW and SIPRI: the Federal Republic of Yugoslavia (1992), Serbia and Montenegro (2003) and Serbia (from 2006-06-05).
SYC|Republic of Seychelles|Seychelles||Seychellois|Victoria|
SLE|Republic of Sierra Leone|Sierra Leone||Sierra Leonean|Freetown|
SGP|Republic of Singapore|Singapore||Singaporean|Singapore|
SLB|Solomon Islands|||Solomon Islander|Honiara|
SOM|Federal Republic of Somalia|Somalia||Somali|Mogadishu|
ZAF|Republic of South Africa|South Africa||South African|Pretoria|Pretoria is the executive capital; Cape Town is the legislative and Bloemfontein the judicial capital.
SSD|Republic of South Sudan|South Sudan||South Sudanese|Juba|Independent since 2011-07-09.
LKA|Democratic Socialist Republic of Sri Lanka|Sri Lanka|Ceylon|Sri Lankan|Sri Jayawardenepura Kotte|Colombo is the commercial capital and seat of most of the executive.
SDN|Republic of the Sudan|Sudan|The Sudan|Sudanese|Khartoum|
SUR|Republic of Suriname|Suriname||Surinamese|Paramaribo|
SYR|Syrian Arab Republic|Syria||Syrian|Damascus|
TWN|Republic of China|Taiwan|Chinese Taipei|Taiwanese|Taipei|
TJK|Republic of Tajikistan|Tajikistan||Tajik;Tajikistani|Dushanbe|
TZA|United Republic of Tanzania|Tanzania||Tanzanian|Dodoma|Dodoma is the official capital; many government offices remain in Dar es Salaam.
ZAN|Zanzibar|||Zanzibari|Zanzibar Town|Independent from 1963-12-10 (a sultanate, a people's republic after the revolution of January 1964) until its union with Tanganyika in April 1964, which formed Tanzania.
THA|Kingdom of Thailand|Thailand|Siam|Thai|Bangkok|
TLS|Democratic Republic of Timor-Leste|Timor-Leste|East Timor|Timorese|Dili|
TGO|Togolese Republic|Togo||Togolese|Lomé|
TON|Kingdom of Tonga|Tonga||Tongan|Nukuʻalofa|
TTO|Republic of Trinidad and Tobago|Trinidad and Tobago||Trinidadian;Tobagonian|Port of Spain|
TUN|Republic of Tunisia|Tunisia||Tunisian|Tunis|
TKM|Turkmenistan|||Turkmen|Ashgabat|
TUV|Tuvalu|||Tuvaluan|Funafuti|
UGA|Republic of Uganda|Uganda||Ugandan|Kampala|
ARE|United Arab Emirates||UAE;U.A.E.|Emirati|Abu Dhabi|
URY|Oriental Republic of Uruguay|Uruguay||Uruguayan|Montevideo|
UZB|Republic of Uzbekistan|Uzbekistan||Uzbek;Uzbekistani|Tashkent|
VUT|Republic of Vanuatu|Vanuatu||Ni-Vanuatu|Port Vila|
VEN|Bolivarian Republic of Venezuela|Venezuela||Venezuelan|Caracas|
VNM|Socialist Republic of Viet Nam|Vietnam|Viet Nam;North Vietnam;Democratic Republic of Vietnam|Vietnamese|Hanoi|One actor for the Democratic Republic of Vietnam and the unified state (from 1976-07-02), as for COW and GW.
RVN|Republic of Vietnam|South Vietnam||South Vietnamese|Saigon|Ended with the fall of Saigon on 1975-04-30.
ESH|Western Sahara||||| A non-self-governing territory in the UN's list, administered in most part by Morocco and claimed by the Sahrawi Arab Democratic Republic; listed because SIPRI and the crosswalk name it. No capital is recorded.
YAR|Yemen Arab Republic|North Yemen|||Sana'a|United with South Yemen on 1990-05-22. ISO's YEM and YE passed to unified Yemen and are left to it here (the crosswalk keeps them on this state's row).
YMD|People's Democratic Republic of Yemen|South Yemen|PDRY||Aden|Independent from 1967-11-30 until unification on 1990-05-22.
YEM|Republic of Yemen|Yemen||Yemeni|Sana'a|Sana'a is the constitutional capital; the internationally recognised government has worked from Aden since 2015.
ZMB|Republic of Zambia|Zambia||Zambian|Lusaka|
ZWE|Republic of Zimbabwe|Zimbabwe||Zimbabwean|Harare|
"""

CODE_KEYS = ["iso3", "iso2", "cow", "gw", "cameo", "fips", "wikidata"]
# The code lists cited for each code an actor gives (declared in states.toml and organisations.toml).
SOURCE_OF = [
    ("iso3", "iso-3166"),
    ("iso2", "iso-3166"),
    ("cow", "cow-state-list"),
    ("gw", "gw-state-list"),
    ("cameo", "gdelt-cameo-country"),
    ("wikidata", "wikidata"),
]


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items) -> str:
    return "[" + ", ".join(toml_str(x) for x in items) + "]"


def hand_ids() -> set:
    ids = set()
    for line in HAND.read_text(encoding="utf-8").splitlines():
        if line.startswith("id = ") and "kind" not in line:
            ids.add(line.split('"')[1])
    return ids


def crosswalk_rows():
    """Rows by id, in file order."""
    by_id = {}
    with CROSSWALK.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            by_id.setdefault(row["id"], []).append(row)
    return by_id


def codes_row(rows):
    """The current row (open end), else the one that ended last."""
    open_rows = [r for r in rows if not r["valid_to"]]
    if open_rows:
        return open_rows[-1]
    return max(rows, key=lambda r: r["valid_to"])


def parse_table():
    out = {}
    for line in STATES.strip().splitlines():
        parts = line.split("|")
        if len(parts) != 7:
            raise SystemExit(f"bad table line ({len(parts)} fields): {line}")
        sid, name, short, aliases, demonyms, capital, note = (p.strip() for p in parts)
        if sid in out:
            raise SystemExit(f"{sid} twice in the table")
        out[sid] = {
            "name": name,
            "short": short,
            "aliases": [a for a in aliases.split(";") if a],
            "demonyms": [d for d in demonyms.split(";") if d],
            "capital": capital,
            "note": note,
        }
    return out


def render() -> str:
    table = parse_table()
    rows = crosswalk_rows()
    hand = hand_ids()
    wanted = [i for i in rows if i not in hand]
    missing = [i for i in wanted if i not in table]
    extra = [i for i in table if i not in rows or i in hand]
    if missing or extra:
        raise SystemExit(f"table and crosswalk disagree: missing {missing}, not wanted {extra}")
    # ISO codes held by another actor's current codes (or id) are not repeated on an earlier state.
    current_iso = {}
    for i, rs in rows.items():
        r = codes_row(rs)
        if not r["valid_to"]:
            for k in ("iso3", "iso2"):
                if r[k]:
                    current_iso[(k, r[k])] = i
    out = [
        "# Every other state of the country-code crosswalk (data/crosswalk/countries.csv), current and",
        "# former. GENERATED by scripts/gen_states.py from the crosswalk and the script's table: edit",
        "# the table and rerun the script (`python3 scripts/gen_states.py`), not this file.",
        "# Codes are the crosswalk's for the state's current row, or for a dissolved state its last",
        "# row; earlier codes and their dates stay in the crosswalk, which the importers use.",
        "# Capitals are recorded in `capital`, never as names.",
        "",
        "",
    ]
    for sid in wanted:
        t = table[sid]
        r = codes_row(rows[sid])
        out.append("[[actor]]")
        out.append(f"id = {toml_str(sid)}")
        out.append('kind = "state"')
        out.append(f"name = {toml_str(t['name'])}")
        if t["short"] and t["short"] != t["name"]:
            out.append(f"short_name = {toml_str(t['short'])}")
        if t["aliases"]:
            out.append(f"aliases = {toml_list(t['aliases'])}")
        if t["demonyms"]:
            out.append(f"demonyms = {toml_list(t['demonyms'])}")
        if t["capital"]:
            out.append(f"capital = {toml_str(t['capital'])}")
        codes = []
        given = set()
        for k in CODE_KEYS:
            v = r[k]
            if not v:
                continue
            if k in ("iso3", "iso2") and current_iso.get((k, v), sid) != sid:
                continue
            given.add(k)
            codes.append(f"{k} = {v}" if k in ("cow", "gw") else f"{k} = {toml_str(v)}")
        if codes:
            out.append("codes = { " + ", ".join(codes) + " }")
        cited = [src for key, src in SOURCE_OF if key in given]
        out.append(f"sources = {toml_list(dict.fromkeys(cited))}")
        if t["note"]:
            out.append(f"note = {toml_str(t['note'])}")
        out.append("")
    return "\n".join(out)


def main() -> None:
    text = render()
    if "--check" in sys.argv[1:]:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is not what {sys.argv[0]} writes: rerun it", file=sys.stderr)
            sys.exit(1)
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
