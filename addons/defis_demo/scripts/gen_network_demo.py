"""Generate the demo data of defis_network: the network as the association
described it in September 2018 (219 structures, 179 of them affiliated before
July 2018, 7 sub-networks of Morbihan), referents, member households with
yearly memberships, referrals, and the network meetings of 2018 (a quarterly
meeting per sub-network, two technical committees) with their attendance.

Deterministic (seeded random, standard library only): running it again
writes the same files. Dates of the current memberships and of the open
referrals are relative to the day the demo is loaded (``eval`` expressions),
so that some households are valid members whenever the database is created;
so is the date of the next (planned) meeting, whose referents are invited
when the demo is loaded.

Usage: python addons/defis_demo/scripts/gen_network_demo.py [output folder]
(default: addons/defis_demo/data/network)
"""
import datetime
import os
import random
import sys
import unicodedata
from xml.sax.saxutils import quoteattr

SEED = 2018
DEMO_DIR = os.path.join(os.path.dirname(__file__), "..", "data", "network")
MODULE_FILES = {}
CONTEXT = "{'tracking_disable': True}"
# records loaded between two releases of the environments (defis.demo.loader)
RECORDS_PER_RELEASE = 25
RELEASE = '    <function model="defis.demo.loader" name="_defis_release_environments"/>'
DAY = datetime.timedelta(days=1)

FIRST_DATE = datetime.date(2015, 1, 5)
JULY_2018 = datetime.date(2018, 7, 1)
END_SEPT_2018 = datetime.date(2018, 9, 30)
BEFORE_JULY = 179
BY_SEPTEMBER = 219
LATER = 12
WITHDRAWN = 8
HISTORY = 20
HOUSEHOLDS = 300
FIRST_REFERRALS = 130
SECOND_REFERRALS = 20
MEMBERSHIP_PRICE = 10.0

# code, name, sequence, towns (name, postcode); the first towns are the largest
SUBNETWORKS = [
    ("lorient", "Pays de Lorient", 10, [
        ("Lorient", "56100"), ("Lanester", "56600"), ("Ploemeur", "56270"),
        ("Hennebont", "56700"), ("Quéven", "56530"), ("Guidel", "56520"),
        ("Larmor-Plage", "56260"), ("Caudan", "56850"), ("Inzinzac-Lochrist", "56650"),
        ("Plouay", "56240"), ("Port-Louis", "56290"), ("Riantec", "56670"),
        ("Kervignac", "56700"), ("Languidic", "56440"), ("Pont-Scorff", "56620"),
        ("Cléguer", "56620"), ("Groix", "56590"), ("Locmiquélic", "56570"),
        ("Gâvres", "56680"), ("Brandérion", "56700"), ("Calan", "56240"),
        ("Inguiniel", "56240"), ("Bubry", "56310"), ("Quistinic", "56310"),
        ("Lanvaudan", "56240"), ("Plouhinec", "56680"),
    ]),
    ("vannes", "Pays de Vannes", 20, [
        ("Vannes", "56000"), ("Séné", "56860"), ("Saint-Avé", "56890"),
        ("Theix-Noyalo", "56450"), ("Ploeren", "56880"), ("Arradon", "56610"),
        ("Questembert", "56230"), ("Elven", "56250"), ("Grand-Champ", "56390"),
        ("Sarzeau", "56370"), ("Muzillac", "56190"), ("Surzur", "56450"),
        ("Plescop", "56890"), ("Saint-Nolff", "56250"), ("Meucon", "56890"),
        ("Monterblanc", "56250"), ("Baden", "56870"), ("Arzon", "56640"),
        ("Ambon", "56190"), ("Damgan", "56750"), ("Sulniac", "56250"),
        ("Nivillac", "56130"), ("La Roche-Bernard", "56130"), ("Férel", "56130"),
        ("Saint-Dolay", "56130"), ("Malansac", "56220"),
    ]),
    ("auray", "Pays d'Auray", 30, [
        ("Auray", "56400"), ("Pluvigner", "56330"), ("Brech", "56400"),
        ("Quiberon", "56170"), ("Carnac", "56340"), ("Crac'h", "56950"),
        ("Pluneret", "56400"), ("Belz", "56550"), ("Étel", "56410"),
        ("Erdeven", "56410"), ("Landévant", "56690"), ("Landaul", "56690"),
        ("Sainte-Anne-d'Auray", "56400"), ("Ploemel", "56400"),
        ("Locoal-Mendon", "56550"), ("Plouharnel", "56340"), ("Locmariaquer", "56740"),
        ("Saint-Philibert", "56470"), ("La Trinité-sur-Mer", "56470"),
        ("Le Palais", "56360"), ("Camors", "56330"),
    ]),
    ("pontivy", "Pays de Pontivy", 40, [
        ("Pontivy", "56300"), ("Baud", "56150"), ("Locminé", "56500"),
        ("Noyal-Pontivy", "56920"), ("Moréac", "56500"), ("Cléguérec", "56480"),
        ("Saint-Jean-Brévelay", "56660"), ("Pluméliau-Bieuzy", "56930"),
        ("Rohan", "56580"), ("Le Sourn", "56300"), ("Réguiny", "56500"),
        ("Plumelin", "56500"), ("Bignan", "56500"), ("Évellys", "56500"),
        ("Saint-Thuriau", "56300"), ("Malguénac", "56300"), ("Neulliac", "56300"),
        ("Séglien", "56160"), ("Guénin", "56150"),
    ]),
    ("ploermel", "Pays de Ploërmel", 50, [
        ("Ploërmel", "56800"), ("Josselin", "56120"), ("Guer", "56380"),
        ("Malestroit", "56140"), ("Mauron", "56430"), ("Sérent", "56460"),
        ("La Trinité-Porhoët", "56490"), ("Augan", "56800"), ("Campénéac", "56800"),
        ("Taupont", "56800"), ("Caro", "56140"), ("Pleucadeuc", "56140"),
        ("Guilliers", "56490"), ("Ménéac", "56490"), ("Plumelec", "56420"),
        ("Porcaro", "56380"), ("Beignon", "56380"), ("Loyat", "56800"),
    ]),
    ("cob", "Centre-Ouest Bretagne", 60, [
        ("Gourin", "56110"), ("Le Faouët", "56320"), ("Guémené-sur-Scorff", "56160"),
        ("Langonnet", "56630"), ("Guiscriff", "56560"), ("Plouray", "56770"),
        ("Meslan", "56320"), ("Priziac", "56320"), ("Roudouallec", "56110"),
        ("Le Saint", "56110"), ("Lignol", "56160"), ("Berné", "56240"),
        ("Kernascléden", "56540"), ("Silfiac", "56480"), ("Ploërdut", "56160"),
        ("Langoëlan", "56160"),
    ]),
    ("redon", "Pays de Redon", 70, [
        ("Allaire", "56350"), ("La Gacilly", "56200"), ("Carentoir", "56910"),
        ("Rieux", "56350"), ("Peillac", "56220"), ("Saint-Jean-la-Poterie", "56350"),
        ("Béganne", "56350"), ("Saint-Vincent-sur-Oust", "56350"),
        ("Les Fougerêts", "56200"), ("Saint-Jacut-les-Pins", "56220"),
        ("Saint-Gravé", "56220"), ("Rochefort-en-Terre", "56220"),
        ("Pluherlin", "56220"), ("Saint-Perreux", "56350"), ("Théhillac", "56130"),
    ]),
]
# share of the structures and of the households living in each sub-network
SUBNETWORK_WEIGHTS = {"lorient": 30, "vannes": 22, "auray": 13, "pontivy": 12,
                      "ploermel": 10, "cob": 7, "redon": 6}

# (type code, number among the 219, number among the later ones)
TYPE_COUNTS = [
    ("ccas", 80, 4), ("town_hall", 30, 3), ("association", 42, 3), ("cpam", 8, 0),
    ("caf", 7, 0), ("france_travail", 10, 0), ("carsat", 4, 0), ("msa", 4, 0),
    ("mission_locale", 10, 0), ("departement", 14, 1), ("other", 10, 1),
]
# agencies of the institutions, in the main towns
AGENCY_TOWNS = {
    "cpam": ["Lorient", "Vannes", "Auray", "Pontivy", "Ploërmel", "Lanester", "Hennebont",
             "Gourin"],
    "caf": ["Lorient", "Vannes", "Auray", "Pontivy", "Ploërmel", "Lanester", "Questembert"],
    "france_travail": ["Lorient", "Lanester", "Hennebont", "Vannes", "Séné", "Auray",
                       "Pontivy", "Ploërmel", "Questembert", "Gourin"],
    "carsat": ["Lorient", "Vannes", "Pontivy", "Ploërmel"],
    "msa": ["Vannes", "Pontivy", "Ploërmel", "Le Faouët"],
    "mission_locale": ["Lorient", "Hennebont", "Vannes", "Questembert", "Auray", "Pontivy",
                       "Locminé", "Ploërmel", "Gourin", "Allaire"],
    "departement": ["Lorient", "Lanester", "Hennebont", "Ploemeur", "Vannes", "Saint-Avé",
                    "Muzillac", "Auray", "Quiberon", "Pontivy", "Locminé", "Ploërmel",
                    "Guer", "Gourin", "La Gacilly"],
}
AGENCY_NAMES = {
    "cpam": "CPAM du Morbihan, accueil %s",
    "caf": "CAF du Morbihan, antenne %s",
    "france_travail": "Pôle emploi %s",
    "carsat": "Carsat Bretagne, agence retraite %s",
    "msa": "MSA Portes de Bretagne, agence %s",
    "mission_locale": "Mission locale, antenne %s",
    "departement": "Centre médico-social %s",
}
ASSOCIATION_NAMES = [
    "Secours populaire, comité %s", "Restos du cœur, centre %s",
    "Secours catholique, équipe %s", "Croix-Rouge, unité locale %s",
    "Centre social %s", "Épicerie solidaire %s", "ADMR %s", "Familles rurales %s",
    "Emmaüs %s", "Maison des familles %s", "Point accueil emploi %s",
]
OTHER_NAMES = [
    "Maison de services au public %s", "Médiathèque %s", "Espace public numérique %s",
]
TOWN_NAMES = {"ccas": "CCAS %s", "town_hall": "Mairie %s"}
STREETS = [
    "rue Jean Jaurès", "rue Victor Hugo", "avenue de la République", "rue de la Gare",
    "rue du Général de Gaulle", "place du Marché", "rue Pasteur", "rue des Écoles",
    "rue Jules Ferry", "rue de la Libération", "rue Anatole France", "rue du Port",
    "allée des Genêts", "rue des Ajoncs", "impasse des Hortensias", "rue de Kerlann",
    "rue de Kervénanec", "rue du Stade", "chemin de Kerroch", "rue Émile Zola",
    "rue de Verdun", "rue des Camélias", "résidence des Mouettes", "rue Louis Pasteur",
]
WOMEN = [
    "Marie", "Anne", "Catherine", "Nathalie", "Isabelle", "Sylvie", "Sandrine",
    "Véronique", "Christine", "Valérie", "Stéphanie", "Céline", "Aurélie", "Émilie",
    "Julie", "Sophie", "Laëtitia", "Gwenaëlle", "Maëlle", "Soizic", "Nolwenn", "Morgane",
    "Annaïg", "Katell", "Élodie", "Camille", "Manon", "Léa", "Chloé", "Hélène", "Monique",
    "Françoise", "Jacqueline", "Martine", "Brigitte", "Odile", "Yvonne", "Josiane",
    "Fatima", "Nadia", "Samira", "Aïcha", "Mélanie", "Audrey", "Gaëlle", "Armelle",
]
MEN = [
    "Jean", "Pierre", "Michel", "Philippe", "Alain", "Patrick", "Christophe", "Laurent",
    "Stéphane", "Frédéric", "Olivier", "Nicolas", "David", "Sébastien", "Julien", "Yann",
    "Erwan", "Gwénaël", "Loïc", "Ronan", "Tanguy", "Kévin", "Mathieu", "Thomas", "Maxime",
    "Hervé", "Yves", "Bernard", "Jacques", "Gérard", "Daniel", "Pascal", "Thierry",
    "Bruno", "Joël", "Gilles", "Mickaël", "Anthony", "Jérôme", "Franck", "Karim",
    "Mamadou", "Youssef", "Goulven", "Riwal", "Maël",
]
LAST_NAMES = [
    "Le Goff", "Le Gall", "Le Floch", "Le Bihan", "Le Roux", "Le Corre", "Le Guen",
    "Le Moal", "Le Cam", "Le Pape", "Le Du", "Le Borgne", "Le Meur", "Le Brun", "Le Bris",
    "Le Garrec", "Le Saux", "Le Tallec", "Le Hir", "Guillou", "Tanguy", "Jégo",
    "Le Dantec", "Le Lay", "Le Priol", "Le Clainche", "Le Sommer", "Le Bouëdec",
    "Le Strat", "Le Quéré", "Le Berre", "Le Gouic", "Evano", "Le Nézet", "Morvan",
    "Cadoret", "Guégan", "Jaffré", "Kerbiriou", "Kerhervé", "Le Dréau", "Guyader", "Rio",
    "Le Mouël", "Le Toux", "Gourlay", "Allanic", "Le Hénanff", "Conan", "Nicol",
    "Le Texier", "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
    "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Garcia", "David",
    "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "Mercier", "Lambert",
    "Bonnet", "François", "Benali", "Diallo", "Nguyen", "Haddad", "Lopes", "Pereira",
    "Jouan", "Le Puil", "Le Rouzic", "Mahé", "Le Boulaire", "Tréhin", "Le Fur",
]
# (man, woman) functions of the referents, by structure type
FUNCTIONS = {
    "ccas": [("Directeur du CCAS", "Directrice du CCAS"),
             ("Travailleur social", "Travailleuse sociale"),
             ("Conseiller en économie sociale et familiale",
              "Conseillère en économie sociale et familiale")],
    "town_hall": [("Secrétaire de mairie", "Secrétaire de mairie"),
                  ("Adjoint aux affaires sociales", "Adjointe aux affaires sociales")],
    "cpam": [("Conseiller service usagers", "Conseillère service usagers"),
             ("Responsable de l'accueil", "Responsable de l'accueil")],
    "caf": [("Travailleur social", "Travailleuse sociale"),
            ("Conseiller accueil", "Conseillère accueil")],
    "france_travail": [("Conseiller emploi", "Conseillère emploi"),
                       ("Référent numérique", "Référente numérique")],
    "carsat": [("Assistant de service social", "Assistante de service social"),
               ("Conseiller retraite", "Conseillère retraite")],
    "msa": [("Travailleur social", "Travailleuse sociale"),
            ("Conseiller en protection sociale", "Conseillère en protection sociale")],
    "mission_locale": [("Conseiller en insertion", "Conseillère en insertion"),
                       ("Chargé d'accueil", "Chargée d'accueil")],
    "departement": [("Assistant social", "Assistante sociale"),
                    ("Conseiller en économie sociale et familiale",
                     "Conseillère en économie sociale et familiale"),
                    ("Responsable du centre", "Responsable du centre")],
    "association": [("Président", "Présidente"), ("Coordinateur", "Coordinatrice"),
                    ("Bénévole référent", "Bénévole référente")],
    "other": [("Médiateur numérique", "Médiatrice numérique"),
              ("Agent d'accueil", "Agente d'accueil")],
}
REASONS = {
    "equipment_purchase": [
        "Besoin d'un ordinateur pour les démarches en ligne (CAF, impôts, retraite).",
        "Enfants scolarisés sans ordinateur à la maison.",
        "Recherche d'emploi : CV et candidatures en ligne.",
        "Ordinateur familial hors d'usage, budget très limité.",
        "Reprise d'une formation à distance, pas d'équipement.",
    ],
    "equipment_loan": [
        "Prêt d'un ordinateur portable le temps d'une formation.",
        "Dépannage en attendant la réparation de son matériel.",
        "Prêt pour les démarches de retraite en ligne.",
        "Prêt pendant une période d'hébergement d'urgence.",
    ],
    "training": [
        "Premiers pas avec l'ordinateur et la messagerie.",
        "Accompagnement aux démarches administratives en ligne.",
        "Utiliser son smartphone : applications et sécurité.",
        "Créer son espace ameli et son compte CAF.",
        "Envoyer des candidatures par courriel.",
    ],
}
SERVICE_WEIGHTS = [("equipment_purchase", 55), ("equipment_loan", 20), ("training", 25)]
HOUSEHOLD_SIZES = [(1, 35), (2, 25), (3, 15), (4, 13), (5, 8), (6, 4)]
# meetings: local hour, time zone, (month, first day, last day) of each quarter's
# sub-network meeting, (month, day) of the technical committees
MEETING_HOUR = 14
COMMITTEE_HOUR = 10
MEETING_WINDOWS = [(3, 5, 23), (6, 4, 22), (9, 17, 28), (12, 3, 14)]
COMMITTEES = [(6, 28), (11, 22)]
# structures (not referents) represented at a sub-network meeting: a share of
# those invited, capped (larger sub-networks are less assiduous)
REPRESENTED_SHARE = 0.75
REPRESENTED_MAX = 20
# how assiduous a structure is: never comes, rarely, often, always
ENGAGEMENT = [(0.0, 5), (0.5, 20), (1.0, 50), (2.0, 25)]
COMMITTEE_SHARE = 0.12
MEETING_TOPICS = [
    "Tour de table : besoins numériques des personnes accompagnées.",
    "Bilan des orientations vers Défis du trimestre.",
    "Présentation des ateliers d'initiation au numérique de Défis.",
    "Dématérialisation des démarches CAF et retraite : difficultés rencontrées.",
    "Matériel reconditionné : conditions d'accès et tarifs solidaires.",
    "Accueil des nouvelles structures du réseau.",
    "Démarches en ligne ANTS (carte grise, permis) : retours d'expérience.",
    "Prévenir les arnaques en ligne auprès des publics accompagnés.",
    "Calendrier des formations du trimestre suivant.",
    "Prêt d'ordinateurs pendant les formations : fonctionnement.",
]
COMMITTEE_TOPICS = [
    "Bilan des orientations par sous-réseau.",
    "Coordination des sous-réseaux et calendrier des réunions.",
    "Outils communs : fiche d'orientation et annuaire des référents.",
    "Perspectives pour 2019 et financements du réseau.",
    "Retour des référents sur les ateliers et le matériel reconditionné.",
]
FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre"]
QUARTERS = ["1er", "2e", "3e", "4e"]
MOBILE_PREFIXES = ["60", "61", "62", "64", "65", "66", "67", "68", "76", "77", "78"]


def weighted(rng, pairs):
    return rng.choices([value for value, _weight in pairs],
                       [weight for _value, weight in pairs])[0]


def slug(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text.lower()).split()
    return "_".join(words)


def of_town(town):
    """French "de Lorient", "d'Auray", "du Faouët", "des Fougerêts"."""
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if town.startswith(article):
            return contracted + town[len(article):]
    if town[0] in "AEIOUYÉÈH":
        return "d'" + town
    return "de " + town


def random_date(rng, start, end):
    return start + DAY * rng.randint(0, (end - start).days)


class Relative:
    """A date ``days`` before the day the demo is loaded, as an XML eval."""

    def __init__(self, days):
        self.days = days

    def plus_year(self):
        """The day before the same date a year later, e.g. a membership end."""
        return RelativeEnd(self.days)

    def shifted(self, days):
        return Relative(self.days - days)

    def xml(self):
        return ("(DateTime.today() - relativedelta(days=%d)).strftime('%%Y-%%m-%%d')"
                % self.days)


class RelativeMoment(Relative):
    """A moment ``-days`` days after the day the demo is loaded (UTC)."""

    def __init__(self, days, time):
        super().__init__(days)
        self.time = time

    def xml(self):
        return ("(DateTime.today() - relativedelta(days=%d)).strftime('%%Y-%%m-%%d %s')"
                % (self.days, self.time))


class InQuarter(Relative):
    """The ``offset``-th day of the quarter of the day the demo is loaded, or
    that day if it comes sooner: a date of the current quarter, as an XML eval."""

    def __init__(self, offset):
        super().__init__(1)
        self.offset = offset

    def xml(self):
        return ("min(DateTime.today(), DateTime.today().replace(month=(DateTime.today().month"
                " - 1) // 3 * 3 + 1, day=1) + relativedelta(days=%d)).strftime('%%Y-%%m-%%d')"
                % self.offset)


class RelativeEnd(Relative):

    def xml(self):
        return ("(DateTime.today() - relativedelta(days=%d) + relativedelta(years=1, days=-1))"
                ".strftime('%%Y-%%m-%%d')" % self.days)


class Writer:
    """Collects the records of one XML file."""

    def __init__(self, name):
        self.name = name
        self.lines = []
        self.records = 0

    def record(self, xmlid, model, values):
        if self.records and not self.records % RECORDS_PER_RELEASE:
            # Odoo's loader keeps an environment per record until the cache
            # is emptied (defis.demo.loader)
            self.lines.append(RELEASE)
        self.records += 1
        self.lines.append("    <record id=%s model=%s context=%s>" % (
            quoteattr(xmlid), quoteattr(model), quoteattr(CONTEXT)))
        for field, value in values:
            if value is None:
                continue
            self.lines.append("        " + field_xml(field, value))
        self.lines.append("    </record>")

    def function(self, model, name, args):
        """A method called when the file is loaded."""
        self.lines.append("    <function model=%s name=%s eval=%s context=%s/>" % (
            quoteattr(model), quoteattr(name), quoteattr(args), quoteattr(CONTEXT)))

    def text(self):
        return ('<?xml version="1.0" encoding="utf-8"?>\n'
                "<!-- written by addons/defis_demo/scripts/gen_network_demo.py: change the"
                " script, not this file -->\n"
                '<odoo noupdate="1">\n%s\n</odoo>\n' % "\n".join(self.lines))


class Ref(str):
    """An xml id a field refers to."""


class Eval(str):
    """A Python expression evaluated when the file is loaded."""


def field_xml(field, value):
    if isinstance(value, Ref):
        return "<field name=%s ref=%s/>" % (quoteattr(field), quoteattr(value))
    if isinstance(value, Eval):
        return "<field name=%s eval=%s/>" % (quoteattr(field), quoteattr(value))
    if isinstance(value, Relative):
        return "<field name=%s eval=%s/>" % (quoteattr(field), quoteattr(value.xml()))
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return "<field name=%s eval=%s/>" % (quoteattr(field), quoteattr(repr(value)))
    if isinstance(value, datetime.date):
        value = value.isoformat()
    return "<field name=%s>%s</field>" % (quoteattr(field), escape_text(value))


def escape_text(value):
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Generator:

    def __init__(self, seed=SEED):
        self.seed = seed
        self.rng = random.Random(seed)
        self.used_names = set()
        self.used_phones = set()
        self.towns = {}
        for code, _name, _seq, towns in SUBNETWORKS:
            for town, postcode in towns:
                self.towns[town] = (postcode, code)
        self.structures = []
        self.households = []

    # people ---------------------------------------------------------------
    def person_name(self):
        while True:
            woman = self.rng.random() < 0.62
            first = self.rng.choice(WOMEN if woman else MEN)
            name = "%s %s" % (first, self.rng.choice(LAST_NAMES))
            if name not in self.used_names:
                self.used_names.add(name)
                return name, woman

    def phone(self, lead="297"):
        """A new number 0X XX xx xx xx whose first digits (after 0) are ``lead``."""
        while True:
            number = "0%s %s %02d %02d %02d" % (
                lead[0], lead[1:], self.rng.randint(10, 99), self.rng.randint(0, 99),
                self.rng.randint(0, 99))
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def mobile(self):
        return self.phone(self.rng.choice(MOBILE_PREFIXES) + str(self.rng.randint(0, 9)))

    def address(self):
        return "%d %s" % (self.rng.randint(1, 60), self.rng.choice(STREETS))

    def pick_subnetwork(self):
        return weighted(self.rng, sorted(SUBNETWORK_WEIGHTS.items()))

    def pick_town(self, subnetwork):
        towns = next(t for code, _n, _s, t in SUBNETWORKS if code == subnetwork)
        # the larger towns (listed first) are more likely
        weights = [1.0 / (index + 2) for index in range(len(towns))]
        return self.rng.choices(towns, weights)[0][0]

    # structures -------------------------------------------------------------
    def structure_specs(self):
        """(type, name, town) of every structure, the 219 first."""
        first, later = [], []
        for type_code, count, count_later in TYPE_COUNTS:
            specs = self.structures_of_type(type_code, count + count_later)
            first.extend(specs[:count])
            later.extend(specs[count:])
        self.rng.shuffle(first)
        self.rng.shuffle(later)
        return first, later

    def structures_of_type(self, type_code, count):
        if type_code in AGENCY_TOWNS:
            towns = AGENCY_TOWNS[type_code][:count]
            return [(type_code, AGENCY_NAMES[type_code] % of_town(town), town)
                    for town in towns]
        specs, names = [], set()
        patterns = {"association": ASSOCIATION_NAMES, "other": OTHER_NAMES}.get(
            type_code, [TOWN_NAMES.get(type_code)])
        taken = {town for spec_type, _name, town in self.structures_taken
                 if spec_type in ("ccas", "town_hall")} if type_code in TOWN_NAMES else set()
        while len(specs) < count:
            town = self.pick_town(self.pick_subnetwork())
            name = self.rng.choice(patterns) % of_town(town)
            if name in names or town in taken:
                continue
            names.add(name)
            taken.add(town)
            specs.append((type_code, name, town))
        self.structures_taken.extend(specs)
        return specs

    def build_structures(self):
        self.structures_taken = []
        first, later = self.structure_specs()
        dates = sorted(random_date(self.rng, FIRST_DATE, JULY_2018 - DAY)
                       for _i in range(BEFORE_JULY))
        dates += sorted(random_date(self.rng, JULY_2018, END_SEPT_2018)
                        for _i in range(BY_SEPTEMBER - BEFORE_JULY))
        dates += sorted(random_date(self.rng, datetime.date(2019, 1, 7),
                                    datetime.date(2025, 6, 30)) for _i in range(LATER))
        withdrawn = set(self.rng.sample(range(BY_SEPTEMBER), WITHDRAWN))
        for index, ((type_code, name, town), affiliation) in enumerate(zip(first + later, dates)):
            postcode, subnetwork = self.towns[town]
            withdrawal = random_date(self.rng, datetime.date(2019, 3, 1),
                                     datetime.date(2025, 10, 31)) if index in withdrawn else None
            self.structures.append({
                "xmlid": "structure_%s_demo" % slug(name), "name": name,
                "type": type_code, "town": town, "zip": postcode,
                "subnetwork": subnetwork, "affiliation": affiliation,
                "withdrawal": withdrawal, "street": self.address(),
                "phone": self.phone(), "domain": slug(name).replace("_", "-") + ".example",
            })
        for structure in self.structures:
            self.build_referents(structure)

    def build_referents(self, structure):
        """Two referents from the affiliation; some were replaced since."""
        structure["referents"] = []
        for slot in (1, 2):
            start = structure["affiliation"]
            end_all = structure["withdrawal"]
            change = None
            if len([s for s in self.structures if s.get("replaced")]) < HISTORY \
                    and slot == 2 and not end_all and start < datetime.date(2018, 1, 1) \
                    and self.rng.random() < 0.25:
                structure["replaced"] = True
                change = random_date(self.rng, datetime.date(2019, 1, 1),
                                     datetime.date(2025, 12, 31))
                structure["referents"].append(self.referent(structure, slot, start, change))
                start = change
            structure["referents"].append(self.referent(structure, slot, start, end_all))

    def referent(self, structure, slot, start, end):
        name, woman = self.person_name()
        function = self.rng.choice(FUNCTIONS[structure["type"]])[woman]
        index = len(structure["referents"]) + 1
        first, last = name.split(" ", 1)
        return {
            "xmlid": "%s_referent_%d" % (structure["xmlid"][:-len("_demo")], index),
            "name": name, "woman": woman, "function": function, "slot": slot,
            "start": start, "end": end, "phone": self.phone(),
            "mobile": self.mobile() if self.rng.random() < 0.4 else None,
            "email": "%s.%s@%s" % (slug(first).replace("_", "-"),
                                   slug(last).replace("_", "-"), structure["domain"]),
        }

    # households and memberships --------------------------------------------
    def build_households(self):
        for number in range(1, HOUSEHOLDS + 1):
            subnetwork = self.pick_subnetwork()
            town = self.pick_town(subnetwork)
            name, woman = self.person_name()
            benefit = self.rng.random() < 0.45
            household = {
                "xmlid": "household_%03d_demo" % number, "name": name, "woman": woman,
                "town": town, "zip": self.towns[town][0], "subnetwork": subnetwork,
                "street": self.address(), "size": weighted(self.rng, HOUSEHOLD_SIZES),
                "benefit": benefit,
                "waived": benefit and self.rng.random() < 0.6,
                "mobile": self.mobile() if self.rng.random() < 0.8 else None,
                "phone": self.phone() if self.rng.random() < 0.25 else None,
                "email": self.household_email(name) if self.rng.random() < 0.55 else None,
            }
            household["periods"] = self.membership_periods()
            self.households.append(household)

    def household_email(self, name):
        first, last = name.split(" ", 1)
        return "%s.%s%d@courriel.example" % (
            slug(first).replace("_", "-"), slug(last).replace("_", ""),
            self.rng.randint(1, 99))

    def membership_periods(self):
        """Start dates of yearly memberships: in 2017-2019, then last year
        and this year (relative to the load date)."""
        periods = []
        if self.rng.random() < 0.4:
            year = self.rng.choice((2017, 2018, 2019))
            start = random_date(self.rng, datetime.date(year, 1, 5), datetime.date(year, 12, 20))
            periods.append(start)
            while start.year < 2019 and self.rng.random() < 0.7:
                start = start.replace(year=start.year + 1)
                periods.append(start)
            if self.rng.random() < 0.25:
                periods.append(Relative(self.rng.randint(0, 330)))
            return periods
        days = self.rng.randint(5, 330)
        profile = self.rng.random()
        if profile >= 0.35:
            periods.append(Relative(days + 365))
        if profile < 0.65:
            periods.append(Relative(days))
        return periods

    # referrals --------------------------------------------------------------
    def affiliated_on(self, date):
        """Structures affiliated on ``date`` (a Relative: affiliated since
        2018 and never withdrawn)."""
        if isinstance(date, Relative):
            return [s for s in self.structures
                    if s["affiliation"] <= END_SEPT_2018 and not s["withdrawal"]]
        return [s for s in self.structures if s["affiliation"] <= date
                and (not s["withdrawal"] or s["withdrawal"] > date)]

    @staticmethod
    def referents_on(structure, date):
        result = []
        for referent in structure["referents"]:
            if isinstance(date, Relative):
                if not referent["end"]:
                    result.append(referent)
            elif referent["start"] <= date and (not referent["end"] or referent["end"] > date):
                result.append(referent)
        return result

    def build_referrals(self):
        self.referrals = []
        households = list(self.households)
        self.rng.shuffle(households)
        referred = households[:FIRST_REFERRALS]
        for household in referred:
            date = self.before(household["periods"][0], self.rng.randint(2, 40))
            structure = self.pick_structure(household, date)
            household["structure"] = structure
            self.add_referral(household, structure, date, first=True)
        # more households name a referring structure, without a referral record
        for household in households[FIRST_REFERRALS:FIRST_REFERRALS + 60]:
            household["structure"] = self.pick_structure(household, household["periods"][0])
        members_now = [h for h in referred if isinstance(h["periods"][-1], Relative)
                       and h["periods"][-1].days < 365]
        for index, household in enumerate(self.rng.sample(members_now, SECOND_REFERRALS)):
            date = Relative(self.rng.randint(1, min(75, household["periods"][-1].days + 1)))
            if index % 2 == 0:
                # half of them in the current quarter, whatever the day
                date = InQuarter(index * 4)
            self.add_referral(household, household["structure"], date, first=False)

    @staticmethod
    def before(date, days):
        if isinstance(date, Relative):
            return date.shifted(-days)
        return date - DAY * days

    def pick_structure(self, household, date):
        candidates = self.affiliated_on(date)
        local = [s for s in candidates if s["subnetwork"] == household["subnetwork"]]
        return self.rng.choice(local or candidates)

    def add_referral(self, household, structure, date, first):
        service = weighted(self.rng, SERVICE_WEIGHTS) if first else self.rng.choice(
            ("training", "equipment_loan"))
        recent = isinstance(date, Relative) and date.days < 90
        if recent and not first:
            state = self.rng.choice(("new", "accepted", "accepted", "done"))
        elif recent:
            state = self.rng.choice(("accepted", "done", "done"))
        else:
            state = weighted(self.rng, [("done", 72), ("refused", 14), ("cancelled", 14)])
        referents = self.referents_on(structure, date)
        self.referrals.append({
            "xmlid": "referral_%03d_demo" % (len(self.referrals) + 1),
            "structure": structure, "person": household, "service": service,
            "date": date, "state": state,
            "referent": self.rng.choice(referents) if referents else None,
            "reason": self.rng.choice(REASONS[service]),
            "result_date": self.before(date, -self.rng.randint(3, 30))
            if state == "done" and not (isinstance(date, Relative) and date.days < 31)
            else None,
        })

    # meetings ---------------------------------------------------------------
    def build_meetings(self):
        """The quarterly meetings of each sub-network in 2018, two technical
        committees, and the next sub-network meeting (planned). A random
        generator of their own: the other files do not change with them."""
        self.meetings = []
        rng = random.Random(self.seed + 1)
        self.engagement = {s["xmlid"]: weighted(rng, ENGAGEMENT) for s in self.structures}
        for code, name, _seq, _towns in SUBNETWORKS:
            for quarter, window in enumerate(MEETING_WINDOWS):
                self.add_subnetwork_meeting(rng, code, name, quarter, window)
        for month, day in COMMITTEES:
            self.add_committee(rng, datetime.date(2018, month, day))
        self.meetings.append({
            "xmlid": "meeting_next_demo", "kind": "subnetwork", "subnetwork": "lorient",
            "name": "Sous-réseau Pays de Lorient : prochaine réunion", "state": "planned",
            "date": RelativeMoment(-rng.randint(20, 40), "12:00:00"),
            "location": "Défis, Lanester", "minutes": None, "attendance": [],
        })

    def add_subnetwork_meeting(self, rng, code, name, quarter, window):
        month, first, last = window
        day = rng.choice([datetime.date(2018, month, d) for d in range(first, last + 1)
                          if datetime.date(2018, month, d).weekday() in (1, 3)])
        invited = [s for s in self.affiliated_on(day) if s["subnetwork"] == code]
        count = min(REPRESENTED_MAX, round(len(invited) * REPRESENTED_SHARE))
        represented = self.assiduous(rng, invited, count + rng.randint(-2, 1))
        host = rng.choice(represented)
        self.meetings.append({
            "xmlid": "meeting_%s_2018_q%d_demo" % (code, quarter + 1), "kind": "subnetwork",
            "subnetwork": code, "state": "held", "date": utc_moment(day, MEETING_HOUR),
            "name": "Sous-réseau %s : %s trimestre 2018" % (name, QUARTERS[quarter]),
            "location": host["name"],
            "attendance": self.attendance(rng, invited, represented, day, both=0.25),
            "topics": rng.sample(MEETING_TOPICS, 3),
        })

    def add_committee(self, rng, day):
        invited = self.affiliated_on(day)
        represented = [s for s in invited
                       if rng.random() < COMMITTEE_SHARE * self.engagement[s["xmlid"]]]
        self.meetings.append({
            "xmlid": "meeting_committee_2018_%02d_demo" % day.month, "kind": "committee",
            "subnetwork": None, "state": "held", "date": utc_moment(day, COMMITTEE_HOUR),
            "name": "Comité technique : %s 2018" % FRENCH_MONTHS[day.month - 1],
            "location": "Défis, Lanester",
            "attendance": self.attendance(rng, invited, represented, day, both=0.0),
            "topics": rng.sample(COMMITTEE_TOPICS, 3),
        })

    def assiduous(self, rng, structures, count):
        """``count`` structures drawn without replacement, the more assiduous
        more likely; those that never come are never drawn."""
        keys = [(rng.random() ** (1.0 / self.engagement[s["xmlid"]]), index)
                for index, s in enumerate(structures) if self.engagement[s["xmlid"]]]
        return [structures[index] for _key, index in sorted(keys, reverse=True)[:count]]

    def attendance(self, rng, invited, represented, day, both):
        """(referent, present) for the referents in office on ``day`` of the
        invited structures: one of each represented structure is present,
        sometimes (``both``) all of them."""
        lines = []
        for structure in invited:
            referents = self.referents_on(structure, day)
            present = []
            if structure in represented:
                present = referents if rng.random() < both else [rng.choice(referents)]
            lines.extend((referent, referent in present) for referent in referents)
        return lines

    def build(self):
        self.build_structures()
        self.build_households()
        self.build_referrals()
        self.build_meetings()
        return self

    # XML --------------------------------------------------------------------
    def files(self):
        return {
            "defis_subnetwork_demo.xml": self.subnetwork_xml(),
            "res_partner_structure_demo.xml": self.structure_xml(),
            "res_partner_referent_demo.xml": self.referent_partner_xml(),
            "defis_referent_demo.xml": self.referent_xml(),
            "res_partner_household_demo.xml": self.household_xml(),
            "membership_demo.xml": self.membership_xml(),
            "defis_referral_demo.xml": self.referral_xml(),
            "defis_meeting_demo.xml": self.meeting_xml(),
        }

    @staticmethod
    def subnetwork_xml():
        writer = Writer("defis_subnetwork_demo.xml")
        for code, name, sequence, _towns in SUBNETWORKS:
            writer.record("subnetwork_%s_demo" % code, "defis.subnetwork", [
                ("name", name), ("code", code.upper()), ("sequence", sequence)])
        return writer.text()

    def structure_xml(self):
        writer = Writer("res_partner_structure_demo.xml")
        for structure in self.structures:
            writer.record(structure["xmlid"], "res.partner", [
                ("name", structure["name"]), ("is_company", True),
                ("street", structure["street"]), ("zip", structure["zip"]),
                ("city", structure["town"]), ("country_id", Ref("base.fr")),
                ("defis_phone_display", structure["phone"]),
                ("email", "contact@" + structure["domain"]),
                ("defis_structure_type_id",
                 Ref("defis_network.structure_type_%s" % structure["type"])),
                ("defis_subnetwork_id", Ref("subnetwork_%s_demo" % structure["subnetwork"])),
                ("defis_affiliation_date", structure["affiliation"]),
                ("defis_withdrawal_date", structure["withdrawal"]),
            ])
        return writer.text()

    def referent_partner_xml(self):
        writer = Writer("res_partner_referent_demo.xml")
        for structure in self.structures:
            for referent in structure["referents"]:
                writer.record(referent["xmlid"] + "_demo", "res.partner", [
                    ("name", referent["name"]), ("parent_id", Ref(structure["xmlid"])),
                    ("type", "contact"), ("function", referent["function"]),
                    ("title", Ref(title(referent))),
                    ("defis_phone_display", referent["phone"]),
                    ("defis_mobile_display", referent["mobile"]),
                    ("email", referent["email"]),
                ])
        return writer.text()

    def referent_xml(self):
        writer = Writer("defis_referent_demo.xml")
        for structure in self.structures:
            for referent in structure["referents"]:
                writer.record(referent["xmlid"] + "_line_demo", "defis.referent", [
                    ("structure_id", Ref(structure["xmlid"])),
                    ("partner_id", Ref(referent["xmlid"] + "_demo")),
                    ("date_start", referent["start"]), ("date_end", referent["end"]),
                ])
        return writer.text()

    def household_xml(self):
        writer = Writer("res_partner_household_demo.xml")
        for household in self.households:
            periods = household["periods"]
            structure = household.get("structure")
            writer.record(household["xmlid"], "res.partner", [
                ("name", household["name"]), ("title", Ref(title(household))),
                ("street", household["street"]), ("zip", household["zip"]),
                ("city", household["town"]), ("country_id", Ref("base.fr")),
                ("defis_phone_display", household["phone"]),
                ("defis_mobile_display", household["mobile"]),
                ("email", household["email"]), ("defis_is_household", True),
                ("defis_household_size", household["size"]),
                ("defis_minimum_benefit", household["benefit"]),
                ("defis_referring_structure_id", Ref(structure["xmlid"]) if structure else None),
                ("defis_consent_date", periods[0]), ("defis_last_activity_date", periods[-1]),
            ])
        return writer.text()

    def membership_xml(self):
        writer = Writer("membership_demo.xml")
        writer.record("product_membership_annual_demo", "product.product", [
            ("name", "Annual membership"), ("default_code", "ADH"), ("type", "service"),
            ("membership", True), ("membership_type", "variable"),
            ("membership_interval_qty", 1), ("membership_interval_unit", "years"),
            ("list_price", MEMBERSHIP_PRICE), ("sale_ok", True), ("purchase_ok", False),
        ])
        number = 0
        for household in self.households:
            for start in household["periods"]:
                number += 1
                end = start.plus_year() if isinstance(start, Relative) else \
                    start.replace(year=start.year + 1) - DAY
                waived = household["waived"]
                writer.record("membership_line_%04d_demo" % number,
                              "membership.membership_line", [
                                  ("partner", Ref(household["xmlid"])),
                                  ("membership_id", Ref("product_membership_annual_demo")),
                                  ("date", start), ("date_from", start), ("date_to", end),
                                  ("member_price", 0.0 if waived else MEMBERSHIP_PRICE),
                                  ("state", "free" if waived else "paid"),
                              ])
        return writer.text()

    def referral_xml(self):
        writer = Writer("defis_referral_demo.xml")
        for referral in self.referrals:
            referent = referral["referent"]
            writer.record(referral["xmlid"], "defis.referral", [
                ("structure_id", Ref(referral["structure"]["xmlid"])),
                ("referent_id", Ref(referent["xmlid"] + "_demo") if referent else None),
                ("person_id", Ref(referral["person"]["xmlid"])),
                ("service", referral["service"]), ("reason", referral["reason"]),
                ("date", referral["date"]), ("state", referral["state"]),
                ("result_date", referral["result_date"]),
            ])
        return writer.text()

    def meeting_xml(self):
        writer = Writer("defis_meeting_demo.xml")
        for meeting in self.meetings:
            subnetwork = meeting["subnetwork"]
            writer.record(meeting["xmlid"], "defis.meeting", [
                ("name", meeting["name"]), ("kind", meeting["kind"]),
                ("subnetwork_id", Ref("subnetwork_%s_demo" % subnetwork) if subnetwork else None),
                ("date", meeting["date"]), ("location", meeting["location"]),
                ("state", meeting["state"]), ("minutes", minutes(meeting)),
                ("attendance_ids", attendance_eval(meeting["attendance"])),
            ])
            if meeting["state"] == "planned":
                writer.function("defis.meeting", "action_invite_referents",
                                "[[ref(%r)]]" % meeting["xmlid"])
        return writer.text()


def utc_moment(day, hour):
    """``hour`` o'clock on ``day`` in France, as a UTC datetime string."""
    summer = last_sunday(day.year, 3) <= day < last_sunday(day.year, 10)
    return "%s %02d:00:00" % (day.isoformat(), hour - (2 if summer else 1))


def last_sunday(year, month):
    day = datetime.date(year, month + 1, 1) - DAY
    return day - DAY * ((day.weekday() + 1) % 7)


def minutes(meeting):
    """Short minutes of a held meeting, in HTML."""
    if meeting["state"] != "held":
        return None
    present = [referent for referent, is_present in meeting["attendance"] if is_present]
    return "<p>%d référents présents sur %d invités.</p><ul>%s</ul>" % (
        len(present), len(meeting["attendance"]),
        "".join("<li>%s</li>" % topic for topic in meeting["topics"]))


def attendance_eval(lines):
    if not lines:
        return None
    return Eval("[%s]" % ", ".join(
        "(0, 0, {'partner_id': ref(%r), 'present': %r})" % (referent["xmlid"] + "_demo", present)
        for referent, present in lines))


def title(person):
    return "base.res_partner_title_madam" if person["woman"] else "base.res_partner_title_mister"


def main(argv):
    folder = argv[1] if len(argv) > 1 else DEMO_DIR
    generator = Generator().build()
    for name, text in sorted(generator.files().items()):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as xml_file:
            xml_file.write(text)
    print(("%d structures, %d referent lines, %d households, %d memberships, %d referrals, "
           "%d meetings") % (
        len(generator.structures),
        sum(len(s["referents"]) for s in generator.structures),
        len(generator.households),
        sum(len(h["periods"]) for h in generator.households),
        len(generator.referrals), len(generator.meetings)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
