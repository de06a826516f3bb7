//! Closed word classes of English news grammar the name rules use: titles and roles, heads that
//! make a phrase an organisation or a place, compass words, speech verbs, place prepositions.
//! These are rules of the language, not names, so they live in code rather than in assets.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// A closed word list with constant-time membership (the lists are scanned for every token).
pub struct WordSet {
    pub list: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> Self {
        WordSet { list, set: OnceLock::new() }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.list.iter().copied().collect()).contains(w)
    }
}

/// Capitalised words that head a title or role: "President", "Minister", "Sen.".
pub static TITLE_HEADS: WordSet = WordSet::new(&[
    "President", "President-elect", "Minister", "Ministers", "Secretary", "Secretary-General", "Senator",
    "Sen.", "Sens.", "Rep.", "Reps.", "Representative", "Congressman", "Congresswoman", "Gov.", "Governor",
    "Mayor", "Ambassador", "Chancellor", "Premier", "Judge", "Justice", "Gen.", "General", "Adm.", "Admiral",
    "Col.", "Colonel", "Lt.", "Lieutenant", "Sgt.", "Sergeant", "Capt.", "Captain", "Maj.", "Major",
    "Cmdr.", "Commander", "Marshal", "Chairman", "Chairwoman", "Chairperson", "Director", "Commissioner",
    "Spokesman", "Spokeswoman", "Spokesperson", "King", "Queen", "Prince", "Princess", "Pope", "Cardinal",
    "Archbishop", "Bishop", "Rev.", "Sheikh", "Emir", "Sultan", "Ayatollah", "Patriarch", "Dr.", "Mr.",
    "Mrs.", "Ms.", "Prof.", "Professor", "Coach", "CEO", "Officer", "Executive", "Envoy", "Speaker",
    "Leader", "Sir", "Dame", "Lord", "Lady", "Pres.", "Atty.", "Supt.", "Chief", "Deputy", "Detective",
    "Inspector", "Superintendent", "Treasurer", "Auditor", "Comptroller", "Controller", "Clerk", "Solicitor",
    "Magistrate", "Rabbi", "Imam", "Pastor", "Father", "Sister", "Brother", "Coach", "Manager", "Goalie", "Sheriff", "Prosecutor", "Attorney", "Counsel", "Lawmaker",
]);

/// Capitalised words that may stand before a title head: "Prime", "Foreign", "Deputy".
pub static TITLE_MODIFIERS: WordSet = WordSet::new(&[
    "Prime", "Foreign", "Deputy", "Vice", "Interior", "Defense", "Defence", "Finance", "Economy", "Economic",
    "Health", "Justice", "Trade", "Home", "State", "Attorney", "Chief", "Senior", "Former", "Acting",
    "Executive", "Supreme", "Grand", "First", "Crown", "Press", "National", "Security", "Energy", "Education",
    "Agriculture", "Transport", "Transportation", "Labor", "Labour", "Culture", "Environment", "Commerce",
    "Treasury", "Housing", "Army", "Navy", "Air", "Force", "Majority", "Minority", "Opposition", "House",
    "Senate", "Assistant", "Under", "Associate", "Special", "Presidential", "Managing", "General", "Head",
    "Emergency", "Emergencies", "Digital", "Development", "Industry", "Science", "Sports", "Tourism",
    "Immigration", "Information", "Intelligence", "Communications", "Military", "Police", "Fire",
    "Exterior", "External", "Internal", "Infrastructure", "Agricultural", "Regional", "Party", "Cabinet",
    "Secretary", "Lieutenant", "Commanding", "Reintegration", "Veterans", "Ex", "Outgoing", "Incoming",
    "District", "Circuit", "Federal", "County", "City", "Municipal", "Superior", "Appeals", "Bankruptcy",
    "Immigration", "Administrative", "Presiding", "Retired", "Interim", "Then", "Team", "Club", "Head",
]);

/// Department words after "Secretary of" / "Minister of": "Secretary of State".
pub static DEPARTMENTS: WordSet = WordSet::new(&[
    "State", "Defense", "Defence", "Homeland", "Security", "Foreign", "Affairs", "Health", "Human", "Services",
    "Education", "Energy", "Commerce", "Agriculture", "Labor", "Transportation", "Treasury", "Interior",
    "Justice", "Housing", "Veterans", "Finance", "Economy", "Trade", "Culture", "War", "Navy", "Army",
]);

/// Lowercase role words before a name: "spokesman Ned Price", "photographer Susan Walsh".
pub static ROLE_WORDS: WordSet = WordSet::new(&[
    "spokesman", "spokeswoman", "spokesperson", "president", "minister", "secretary", "senator", "ambassador",
    "leader", "chairman", "chairwoman", "director", "envoy", "chief", "coach", "correspondent", "reporter",
    "photographer", "author", "analyst", "economist", "professor", "lawyer", "attorney", "prosecutor", "judge",
    "officer", "commander", "manager", "founder", "executive", "premier", "governor", "mayor", "actor",
    "actress", "singer", "player", "striker", "midfielder", "goalkeeper", "quarterback", "pitcher", "captain",
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "rival", "opponent",
    "challenger", "candidate", "incumbent", "nominee", "defendant", "plaintiff", "aide", "adviser", "advisor",
    "deputy", "colleague", "counterpart", "lawmaker", "dr.", "mr.", "mrs.", "ms.", "widow", "defender",
    "forward", "guard", "teammate", "rookie", "veteran", "star", "officer", "researcher", "scientist",
    "historian", "writer", "columnist", "editor", "publisher", "chancellor", "commissioner",
    "administrator", "investor", "billionaire", "businessman", "businesswoman", "owner", "ceo",
]);

/// Speech and report verbs: attribution cues for people and speakers of quotes.
pub static SPEECH_VERBS: WordSet = WordSet::new(&[
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "wrote", "writes", "stated",
    "declared", "argued", "argues", "claimed", "claims", "insisted", "insists", "warned", "warns", "noted",
    "notes", "explained", "stressed", "urged", "replied", "tweeted", "acknowledged", "admitted", "announced",
    "recalled", "charged", "alleged", "emphasized", "emphasised", "complained", "concluded", "predicted",
    "suggested", "testified", "vowed", "continued", "commented", "responded", "remarked", "observed",
    "conceded", "countered", "posted", "posts", "explains", "believes", "thinks", "accused", "praised",
]);

/// Capitalised heads that make the phrase before them an organisation.
pub static ORG_HEADS: WordSet = WordSet::new(&[
    "Department", "Ministry", "Agency", "Council", "Committee", "Commission", "Party", "Parliament", "Assembly",
    "Senate", "Congress", "Court", "Tribunal", "Bank", "Fund", "Foundation", "Institute", "Institution",
    "University", "College", "School", "Academy", "Association", "Federation", "Union", "League",
    "Organization", "Organisation", "Office", "Bureau", "Service", "Services", "Administration", "Authority",
    "Board", "Corporation", "Company", "Group", "Holdings", "Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd.",
    "Ltd", "LLC", "PLC", "Airlines", "Airways", "Motors", "Technologies", "Systems", "Industries", "Partners",
    "Bancorp", "Trust", "Times", "Post", "News", "Press", "Journal", "Herald", "Tribune", "Network", "Radio",
    "Television", "TV", "Broadcasting", "Church", "Army", "Navy", "Force", "Forces", "Guard", "Police",
    "Command", "Brigade", "Regiment", "Battalion", "Movement", "Front", "Alliance", "Coalition", "Club",
    "Society", "Presidency", "Secretariat", "Directorate", "Inspectorate", "Mission", "Embassy", "Consulate",
    "Hospital", "Museum", "Center", "Centre", "Studios", "Team", "FC", "Caucus", "Cabinet",
    "Legislature", "Duma", "Rada", "Exchange", "Reserve", "Labs", "Pharmaceuticals", "Media", "Magazine",
    "Gazette", "Telegraph", "Observer", "Chronicle", "Ministries", "Cooperative",
    "Commons", "Lords", "Commissions", "Institutes", "Unit", "Corps", "Patrol", "Centers", "Centres",
    "Survey", "Observatory", "Laboratory", "Laboratories", "Institutes", "Councils",
]);

/// Lowercase nouns in an appositive that make the name before it an organisation:
/// "Buckeye Forward, a group that ...".
pub static ORG_NOUNS: WordSet = WordSet::new(&[
    "group", "company", "organization", "organisation", "firm", "nonprofit", "charity", "party", "agency",
    "union", "association", "bank", "startup", "network", "newspaper", "broadcaster", "coalition",
    "movement", "foundation", "institute", "university", "club", "team", "lender", "insurer", "retailer",
    "manufacturer", "maker", "carrier", "airline", "publisher", "automaker", "chipmaker", "conglomerate",
    "militia", "faction", "alliance", "think", "consultancy", "subsidiary", "utility", "operator",
]);

/// Acronyms that are not organisations.
pub static NOT_ORG_ACRONYMS: WordSet = WordSet::new(&[
    "CEO", "CFO", "COO", "GDP", "COVID", "HIV", "AIDS", "NFT", "DNA", "SUV", "ATM", "PDF", "FAQ", "USB", "LGBT",
    "LGBTQ", "MVP", "RBI", "ERA", "PGA", "GPS", "VAT", "IPO", "ETF", "CPI", "OK", "TV", "AM", "FM", "PM", "BC",
    "AD", "EST", "PST", "GMT", "UTC", "RSS", "URL", "HTML", "API", "APP", "LOL", "VIP", "ASAP",
]);

/// Capitalised heads that make the phrase before them a place.
pub static PLACE_HEADS: WordSet = WordSet::new(&[
    "Peninsula", "Sea", "Ocean", "River", "Lake", "Mountains", "Mountain", "Island", "Islands", "Valley",
    "Strait", "Straits", "Gulf", "Bay", "Canal", "Desert", "Coast", "Province", "Oblast", "Region", "County",
    "District", "Square", "Street", "Avenue", "Bridge", "Airport", "Park", "Plain", "Plateau", "Basin",
    "Heights", "Hills", "Forest", "Harbor", "Harbour", "Port", "City", "Beach", "Falls", "Canyon", "Delta",
    "Territory", "Territories", "Stadium", "Arena", "Highway", "Road", "Boulevard", "Station", "Palace",
    "Krai", "Steppe", "Prefecture", "Garden", "Gardens", "Coliseum", "Dome", "Ballpark", "Raceway",
]);

/// Capitalised first words that make a name an organisation: "TV Rain", "Radio Liberty".
pub static ORG_PREFIXES: WordSet = WordSet::new(&["TV", "Radio", "Air", "Banco", "Grupo", "Club"]);

/// Capitalised words that, before a head word and "of", make a place ("Gulf of Mexico", "Mount
/// Everest", "Lake Geneva").
pub static PLACE_PREFIXES: WordSet = WordSet::new(&["Mount", "Mt.", "Lake", "Gulf", "Bay", "Sea", "Strait", "Isle", "Cape", "Port", "Fort", "Ft.", "Lake"]);

/// Compass words that form a place with a known place: "Eastern Europe", "South Korea".
pub static COMPASS: WordSet = WordSet::new(&[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper",
    "Lower", "Greater", "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern",
    "Southeastern", "Southwestern", "New",
]);

/// Buildings that stand for an institution (ORG) unless used as the venue (PLACE).
pub static BUILDINGS: WordSet = WordSet::new(&[
    "Kremlin", "White House", "Pentagon", "Elysee", "Élysée", "Elysee Palace", "Downing Street", "Capitol",
    "Vatican", "Blue House", "Zhongnanhai",
]);

/// Lowercase nouns after a name that make it a place: "the Donetsk region", "Verkhnetoretskoye village".
pub static PLACE_NOUNS: WordSet = WordSet::new(&[
    "region", "province", "city", "village", "town", "district", "oblast", "area", "county", "state",
    "border", "capital", "port", "suburb", "neighborhood", "neighbourhood", "peninsula", "island", "valley",
    "river", "coast", "municipality", "settlement", "governorate", "prefecture", "township", "airport",
]);

/// Lowercase words before a name that make a place likely: "in Kyiv", "near Kharkiv".
pub static PLACE_PREPS: WordSet = WordSet::new(&["in", "near", "from", "outside", "across", "into", "to", "toward", "towards", "around", "throughout"]);

/// Name particles inside people's names: "Charles de Gaulle", "Ursula von der Leyen".
pub static PARTICLES: WordSet = WordSet::new(&["el", "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "bin", "ibn", "al", "le", "la", "dos", "das"]);
