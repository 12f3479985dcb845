"""Place names: countries, their adjectives, capitals and major cities (general knowledge).

Used by the entity fixes (a city tagged PERSON or ORG is a place) and by the
resolver (spelling variants such as Kiev/Kyiv and abbreviations such as PRC
name one place). Pure data and lookups, no spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Country | adjectives and demonyms | other names and abbreviations.
_COUNTRIES = """
Afghanistan|Afghan,Afghans|
Albania|Albanian,Albanians|
Algeria|Algerian,Algerians|
Andorra|Andorran|
Angola|Angolan,Angolans|
Argentina|Argentine,Argentinian,Argentinians|
Armenia|Armenian,Armenians|
Australia|Australian,Australians|
Austria|Austrian,Austrians|
Azerbaijan|Azerbaijani,Azerbaijanis,Azeri,Azeris|
Bahrain|Bahraini,Bahrainis|
Bangladesh|Bangladeshi,Bangladeshis|
Belarus|Belarusian,Belarusians,Belarussian,Belorussian,Byelorussian|Republic of Belarus,Byelorussia,Belorussia
Belgium|Belgian,Belgians|
Bolivia|Bolivian,Bolivians|
Bosnia and Herzegovina|Bosnian,Bosnians|Bosnia
Brazil|Brazilian,Brazilians|
Bulgaria|Bulgarian,Bulgarians|
Cambodia|Cambodian,Cambodians|
Cameroon|Cameroonian|
Canada|Canadian,Canadians|
Chile|Chilean,Chileans|
China|Chinese|PRC,P.R.C.,People's Republic of China,Mainland China
Colombia|Colombian,Colombians|
Croatia|Croatian,Croatians,Croat,Croats|
Cuba|Cuban,Cubans|
Cyprus|Cypriot,Cypriots|
Czech Republic|Czech,Czechs|Czechia
Denmark|Danish,Dane,Danes|
Egypt|Egyptian,Egyptians|
Estonia|Estonian,Estonians|
Ethiopia|Ethiopian,Ethiopians|
Finland|Finnish,Finn,Finns|
France|French|French Republic
Georgia|Georgian,Georgians|
Germany|German,Germans|Federal Republic of Germany
Greece|Greek,Greeks|
Hungary|Hungarian,Hungarians|
Iceland|Icelandic,Icelander,Icelanders|
India|Indian,Indians|
Indonesia|Indonesian,Indonesians|
Iran|Iranian,Iranians|Islamic Republic of Iran,Persia
Iraq|Iraqi,Iraqis|
Ireland|Irish|Republic of Ireland
Israel|Israeli,Israelis|
Italy|Italian,Italians|
Japan|Japanese|
Jordan|Jordanian,Jordanians|
Kazakhstan|Kazakh,Kazakhs,Kazakhstani|
Kenya|Kenyan,Kenyans|
Kosovo|Kosovar,Kosovars|
Kuwait|Kuwaiti,Kuwaitis|
Kyrgyzstan|Kyrgyz|Kirgizia
Latvia|Latvian,Latvians|
Lebanon|Lebanese|
Libya|Libyan,Libyans|
Lithuania|Lithuanian,Lithuanians|
Luxembourg|Luxembourgish|
Malaysia|Malaysian,Malaysians|
Mexico|Mexican,Mexicans|
Moldova|Moldovan,Moldovans|Moldavia
Mongolia|Mongolian,Mongolians|
Montenegro|Montenegrin,Montenegrins|
Morocco|Moroccan,Moroccans|
Myanmar|Burmese|Burma
Nepal|Nepali,Nepalese|
Netherlands|Dutch|Holland,The Netherlands
New Zealand|New Zealander,New Zealanders|
Nigeria|Nigerian,Nigerians|
North Korea|North Korean,North Koreans|DPRK,Democratic People's Republic of Korea
North Macedonia|Macedonian,Macedonians|Macedonia
Norway|Norwegian,Norwegians|
Oman|Omani,Omanis|
Pakistan|Pakistani,Pakistanis|
Palestine|Palestinian,Palestinians|
Peru|Peruvian,Peruvians|
Philippines|Philippine,Filipino,Filipinos|
Poland|Polish,Pole,Poles|Republic of Poland
Portugal|Portuguese|
Qatar|Qatari,Qataris|
Romania|Romanian,Romanians|
Russia|Russian,Russians|Russian Federation
Saudi Arabia|Saudi,Saudis|
Serbia|Serbian,Serbians,Serb,Serbs|
Singapore|Singaporean,Singaporeans|
Slovakia|Slovak,Slovaks,Slovakian|
Slovenia|Slovenian,Slovenians,Slovene,Slovenes|
Somalia|Somali,Somalis|
South Africa|South African,South Africans|
South Korea|South Korean,South Koreans|ROK,Republic of Korea
Spain|Spanish,Spaniard,Spaniards|
Sri Lanka|Sri Lankan,Sri Lankans|
Sudan|Sudanese|
Sweden|Swedish,Swede,Swedes|
Switzerland|Swiss|
Syria|Syrian,Syrians|
Taiwan|Taiwanese|Republic of China
Tajikistan|Tajik,Tajiks|
Thailand|Thai|
Tunisia|Tunisian,Tunisians|
Turkey|Turkish,Turk,Turks|Turkiye,Türkiye
Turkmenistan|Turkmen|
Ukraine|Ukrainian,Ukrainians|The Ukraine
United Arab Emirates|Emirati,Emiratis|UAE
United Kingdom|British,Briton,Britons|UK,U.K.,Britain,Great Britain
United States|American,Americans|US,U.S.,USA,U.S.A.,United States of America,America
Uzbekistan|Uzbek,Uzbeks|
Venezuela|Venezuelan,Venezuelans|
Vietnam|Vietnamese|Viet Nam
Yemen|Yemeni,Yemenis|
Benin|Beninese|
Botswana|Botswanan,Motswana|
Burkina Faso|Burkinabe,Burkinabé|
Burundi|Burundian,Burundians|
Chad|Chadian,Chadians|
Democratic Republic of the Congo|Congolese|DRC,DR Congo,Congo-Kinshasa,Congo
Djibouti|Djiboutian|
Ecuador|Ecuadorian,Ecuadorians|
Eritrea|Eritrean,Eritreans|
Gabon|Gabonese|
Gambia|Gambian,Gambians|The Gambia
Ghana|Ghanaian,Ghanaians|
Guatemala|Guatemalan,Guatemalans|
Guinea|Guinean,Guineans|
Haiti|Haitian,Haitians|
Honduras|Honduran,Hondurans|
Ivory Coast|Ivorian,Ivorians|Côte d'Ivoire,Cote d'Ivoire
Jamaica|Jamaican,Jamaicans|
Laos|Laotian,Laotians|Lao PDR
Liberia|Liberian,Liberians|
Madagascar|Malagasy|
Malawi|Malawian,Malawians|
Mali|Malian,Malians|
Malta|Maltese|
Mauritania|Mauritanian,Mauritanians|
Mozambique|Mozambican,Mozambicans|
Namibia|Namibian,Namibians|
Nicaragua|Nicaraguan,Nicaraguans|
Niger|Nigerien,Nigeriens|
Panama|Panamanian,Panamanians|
Paraguay|Paraguayan,Paraguayans|
Rwanda|Rwandan,Rwandans|
Senegal|Senegalese|
Sierra Leone|Sierra Leonean,Sierra Leoneans|
South Sudan|South Sudanese|
Tanzania|Tanzanian,Tanzanians|
Timor-Leste|Timorese|East Timor
Togo|Togolese|
Uganda|Ugandan,Ugandans|
Uruguay|Uruguayan,Uruguayans|
Zambia|Zambian,Zambians|
Zimbabwe|Zimbabwean,Zimbabweans|
Soviet Union|Soviet|USSR,U.S.S.R.
"""

# Cities and regions (GPE): canonical | spelling variants. The capitals of the countries above are
# listed, except those that are also common personal names (Santiago, Wellington, Colombo).
_CITIES = """
Kyiv|Kiev,Kyyiv
Minsk|
Moscow|
Beijing|Peking
Washington|Washington DC,Washington D.C.
Brussels|
London|
Paris|
Berlin|
Warsaw|
Vilnius|
Riga|
Tallinn|
Helsinki|
Stockholm|
Oslo|
Copenhagen|
Prague|
Vienna|
Budapest|
Bratislava|
Bucharest|
Sofia|
Belgrade|
Zagreb|
Ljubljana|
Athens|
Rome|
Madrid|
Lisbon|
Dublin|
Amsterdam|
The Hague|
Geneva|
Bern|
Ankara|
Istanbul|
Tbilisi|
Yerevan|
Baku|
Chisinau|Kishinev
Astana|Nur-Sultan
Almaty|Alma-Ata
Tashkent|
Bishkek|
Dushanbe|
Ashgabat|Ashkhabad
Kabul|
Tehran|Teheran
Baghdad|
Damascus|
Beirut|
Amman|
Jerusalem|
Tel Aviv|
Cairo|
Riyadh|
Doha|
Dubai|
Abu Dhabi|
Islamabad|
New Delhi|Delhi
Mumbai|Bombay
Tokyo|
Seoul|
Pyongyang|
Shanghai|
Hong Kong|
Shenzhen|
Guangzhou|Canton
Wuhan|
Taipei|
Hanoi|
Bangkok|
Jakarta|
Manila|
Singapore|
Canberra|
Sydney|
Ottawa|
New York|New York City
Los Angeles|
Mexico City|
Brasilia|
Buenos Aires|
Havana|
Caracas|
Pretoria|
Nairobi|
Addis Ababa|
Lagos|
Tirana|Tirane
Algiers|
Luanda|
Manama|
Dhaka|Dacca
La Paz|
Sarajevo|
Phnom Penh|
Yaounde|Yaoundé
Bogota|Bogotá
Nicosia|
Reykjavik|Reykjavík
Pristina|Prishtina
Kuwait City|
Tripoli|
Kuala Lumpur|
Ulaanbaatar|Ulan Bator,Ulaanbaatar
Podgorica|
Rabat|
Naypyidaw|Nay Pyi Taw
Kathmandu|
Abuja|
Skopje|
Muscat|
Ramallah|
Mogadishu|
Khartoum|
Tunis|
Sanaa|Sana'a
Brest|
Grodno|Hrodna
Gomel|Homel,Homiel
Vitebsk|Vitsebsk,Viciebsk
Mogilev|Mahilyow,Mahiliou,Mogilyov
Kharkiv|Kharkov
Odesa|Odessa
Lviv|Lvov,Lwow
Dnipro|Dnepropetrovsk,Dnipropetrovsk
Donetsk|
Luhansk|Lugansk
Zaporizhzhia|Zaporozhye,Zaporizhia
Mariupol|
Kherson|
Sevastopol|
Simferopol|
Saint Petersburg|St Petersburg,St. Petersburg,Petersburg,Leningrad
Novosibirsk|
Yekaterinburg|Ekaterinburg
Kazan|
Smolensk|
Pskov|
Kaliningrad|
Vladivostok|
Sochi|
Crimea|Crimean Peninsula,Crimea peninsula
Donbas|Donbass
Chechnya|
Transnistria|Transdniestria,Pridnestrovie
Abkhazia|
South Ossetia|
Tibet|
Xinjiang|
Kashmir|
Gaza|Gaza Strip
West Bank|
Scotland|
Wales|
England|
Northern Ireland|
Catalonia|
Siberia|
Bamako|
Niamey|
Ouagadougou|
Dakar|
N'Djamena|Ndjamena
Nouakchott|
Accra|
Abidjan|
Yamoussoukro|
Conakry|
Lome|Lomé
Cotonou|
Porto-Novo|
Freetown|
Monrovia|
Banjul|
Kinshasa|
Kigali|
Kampala|
Dodoma|
Dar es Salaam|
Lusaka|
Harare|
Maputo|
Lilongwe|
Antananarivo|
Windhoek|
Gaborone|
Asmara|
Juba|
Libreville|
Mombasa|
Vientiane|
Dili|
Thimphu|
Lima|
Quito|
Montevideo|
Asuncion|Asunción
Tegucigalpa|
Managua|
Guatemala City|
Panama City|
Port-au-Prince|
Valletta|
"""

# Continents and wider regions (LOC).
_REGIONS = """
Europe|
Asia|
Africa|
North America|
South America|
Latin America|
Middle East|
Central Asia|
East Asia|
South Asia|
Southeast Asia|
Eastern Europe|
Western Europe|
Central Europe|
Northern Europe|
Southern Europe|
Balkans|the Balkans
Caucasus|the Caucasus,South Caucasus
Scandinavia|
Arctic|the Arctic
Antarctica|
Oceania|
Eurasia|
Sahel|the Sahel
Maghreb|the Maghreb
West Africa|
East Africa|
North Africa|
Southern Africa|
Central Africa|
Sub-Saharan Africa|
Horn of Africa|the Horn of Africa
Indo-Pacific|
"""

# Combining forms in compound adjectives ("Russo-Ukrainian", "Sino-Russian").
COMBINING_FORMS = frozenset(
    ["russo", "sino", "anglo", "franco", "indo", "euro", "afro", "greco", "italo", "germano", "polono", "turco", "austro", "hispano", "luso", "nippo", "ukraino", "belaruso"]
)
# Adjectives of continents and regions ("Eastern European affairs" is not a place).
REGION_ADJECTIVES = frozenset(["european", "asian", "african", "eurasian", "arab", "latin", "scandinavian", "baltic", "balkan", "caucasian"])
# Nouns that end the name of a natural feature ("Ferghana Valley", "Lake Ohrid" has it first).
LANDFORM_NOUNS = frozenset(["valley", "river", "mountains", "mountain", "range", "lake", "sea", "gulf", "strait",
                            "straits", "peninsula", "plateau", "desert", "basin", "gorge", "steppe", "delta",
                            "corridor", "highlands", "lowlands", "plain", "coast", "bay", "island", "islands"])
# Direction adjectives that name no place on their own ("Eastern" tagged ORG).
DIRECTION_ADJECTIVES = frozenset(["eastern", "western", "northern", "southern", "central"])


# Letters NFKD does not reduce to a base letter ("Diyarbakır" = "Diyarbakir").
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "the Kiev" -> "kiev"."""
    t = unicodedata.normalize("NFKD", text.replace("\u2019", "'").translate(_PLAIN))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"^the\s+", "", t.strip())
    t = re.sub(r"[\"“”«»„.]", "", t)
    return re.sub(r"\s+", " ", t).strip()


def _rows(table: str) -> list[list[str]]:
    return [line.split("|") for line in table.strip().splitlines()]


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """name key -> (canonical, label); adjective key -> country."""
    names: dict[str, tuple[str, str]] = {}
    adjectives: dict[str, str] = {}
    for country, adjs, others in _rows(_COUNTRIES):
        names[fold(country)] = (country, "GPE")
        for o in filter(None, others.split(",")):
            names[fold(o)] = (country, "GPE")
        for a in filter(None, adjs.split(",")):
            adjectives[fold(a)] = country
    for label, table in (("GPE", _CITIES), ("LOC", _REGIONS)):
        for canonical, variants in _rows(table):
            for n in [canonical, *filter(None, variants.split(","))]:
                names.setdefault(fold(n), (canonical, label))
    return names, adjectives


_STATE_FORM = re.compile(r"^(?:republic|kingdom) of (?:the )?(.+)$")


def lookup(text: str) -> tuple[str, str] | None:
    """(canonical name, GPE|LOC) for a known place name or variant, else None.

    A country's formal name ("Republic of Northland" for a listed Northland) names that country.
    """
    key = fold(text)
    hit = _index()[0].get(key)
    if hit is None and (m := _STATE_FORM.match(key)):
        inner = _index()[0].get(m.group(1))
        if inner and inner[0] in _countries():
            return inner
    return hit


def canonical_place(text: str) -> str | None:
    """The canonical spelling of a known place: "Kiev" -> "Kyiv", "PRC" -> "China"."""
    hit = lookup(text)
    return hit[0] if hit else None


def is_country(text: str) -> bool:
    """True for a country name or abbreviation ("Belarus", "PRC")."""
    hit = lookup(text)
    return bool(hit) and hit[0] in _countries()


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(row[0] for row in _rows(_COUNTRIES))


def country_of_adjective(word: str) -> str | None:
    """The country a nationality adjective or demonym names: "Belarusian" -> "Belarus"."""
    return _index()[1].get(fold(word))


def is_demonym_compound(text: str) -> bool:
    """True for "Ukrainian", "Russo-Belarusian", "Eastern European": adjectives, not places."""
    parts = [p for p in re.split(r"[-\s]+", fold(text)) if p]
    if not parts:
        return False
    if len(parts) > 1 and parts[-1] in REGION_ADJECTIVES and parts[-2] not in REGION_ADJECTIVES:
        return all(p in DIRECTION_ADJECTIVES or p in ("east", "west", "north", "south") for p in parts[:-1])
    return all(country_of_adjective(p) or p in COMBINING_FORMS for p in parts) and bool(
        country_of_adjective(parts[-1])
    )


def country_phrases() -> list[tuple[str, str]]:
    """(lower-case name or abbreviation, country) pairs, longest first, for phrase replacement."""
    pairs = [(k, v[0]) for k, v in _index()[0].items() if v[0] in _countries()]
    return sorted(pairs, key=lambda p: -len(p[0]))
