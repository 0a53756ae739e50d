//! Closed vocabularies: actor kinds, relation and event kinds, PLOVER types, weapon categories.
//!
//! Each is an enum with the spelling used in fact files, so that a file, the CLI and the JSON
//! output all say the same word, and a misspelling can be answered with the list of valid words.

/// A closed vocabulary: a type whose values have fixed spellings.
pub trait Vocabulary: Sized + Copy {
    /// The vocabulary's name, for messages.
    const NAME: &'static str;
    fn parse(text: &str) -> Option<Self>;
    fn spellings() -> Vec<&'static str>;
}

/// Defines an enum whose variants have fixed file spellings.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling used in fact files and output.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads a spelling (case-insensitive; `-` and `_` are interchangeable).
            pub fn parse(text: &str) -> Option<$name> {
                let t = text.trim().to_ascii_lowercase().replace('-', "_");
                $(if t == $text.to_ascii_lowercase() { return Some($name::$variant); })+
                None
            }

            /// The valid spellings, for error messages.
            pub fn spellings() -> Vec<&'static str> {
                vec![$($text),+]
            }
        }

        impl Vocabulary for $name {
            const NAME: &'static str = stringify!($name);
            fn parse(text: &str) -> Option<Self> { $name::parse(text) }
            fn spellings() -> Vec<&'static str> { $name::spellings() }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What sort of actor this is.
    ActorKind {
        State = "state",
        /// A collective-defence alliance (NATO).
        Alliance = "alliance",
        /// Another intergovernmental organisation (EU, UN).
        Igo = "igo",
        /// A body of an alliance or IGO (North Atlantic Council, CCDCOE).
        Body = "body",
        /// A national agency or ministry (ROK National Intelligence Service).
        Agency = "agency",
        Company = "company",
        /// A military operation or mission (ISAF, Operation Enduring Freedom).
        Operation = "operation",
        /// An informal grouping of actors (IP4).
        Grouping = "grouping",
        /// A non-state armed group (Hezbollah, the Houthis, the Wagner Group). Its parent is the
        /// state CAMEO codes it to (the state it fights in, as YEMREB codes the Houthis), which
        /// it stands for in claims.
        ArmedGroup = "armed_group",
        /// A person acting for an actor (a head of state).
        Person = "person",
    }
}

vocabulary! {
    /// Relations that hold over an interval.
    RelationKind {
        /// Full membership of an alliance, IGO or grouping.
        Membership = "membership",
        /// Participation short of membership (a CCDCOE contributing participant).
        Participation = "participation",
        /// A partnership status (dialogue partner, contact country, partner across the globe).
        Partnership = "partnership",
        /// A partnership programme (IPCP, ITPP) with its areas of cooperation.
        Programme = "programme",
        /// A treaty in force between the parties, with its obligations.
        Treaty = "treaty",
        /// A formal alliance between the parties, with its obligations.
        Alliance = "alliance",
        /// Forces of the subject deployed in an operation (the object).
        Deployment = "deployment",
        /// The subject holds an office of the object (a president of a state).
        Office = "office",
    }
}

vocabulary! {
    /// Dated happenings.
    EventKind {
        Summit = "summit",
        /// A ministerial or other high-level meeting that is not a summit.
        Meeting = "meeting",
        Visit = "visit",
        /// An instrument signed: see [`Instrument`].
        Signing = "signing",
        Exercise = "exercise",
        Statement = "statement",
        /// A strategy or policy document published.
        Publication = "publication",
        Invasion = "invasion",
        Attack = "attack",
        /// A weapons test (a missile launch, a nuclear test).
        WeaponsTest = "weapons_test",
        Ratification = "ratification",
        EntryIntoForce = "entry_into_force",
        Accession = "accession",
        Election = "election",
        Inauguration = "inauguration",
        Delivery = "delivery",
        Withdrawal = "withdrawal",
        /// An office, mission or body set up (a diplomatic mission to an alliance).
        Establishment = "establishment",
    }
}

vocabulary! {
    /// What a signing signs.
    Instrument {
        /// A framework agreement: intent and ceilings, not yet binding orders.
        FrameworkAgreement = "framework_agreement",
        /// An executive (binding) contract.
        ExecutiveContract = "executive_contract",
        Agreement = "agreement",
        Memorandum = "memorandum",
        Programme = "programme",
        Treaty = "treaty",
        Declaration = "declaration",
    }
}

vocabulary! {
    /// PLOVER event types (with POLECAT's names; DEMAND and DISAPPROVE are accepted as synonyms
    /// of REQUEST and ACCUSE by [`Plover::parse_lenient`]).
    Plover {
        Agree = "AGREE",
        Consult = "CONSULT",
        Support = "SUPPORT",
        Concede = "CONCEDE",
        Cooperate = "COOPERATE",
        Aid = "AID",
        Retreat = "RETREAT",
        Request = "REQUEST",
        Accuse = "ACCUSE",
        Reject = "REJECT",
        Threaten = "THREATEN",
        Protest = "PROTEST",
        Sanction = "SANCTION",
        Mobilize = "MOBILIZE",
        Coerce = "COERCE",
        Assault = "ASSAULT",
    }
}

impl Plover {
    /// Like [`Plover::parse`], also accepting PLOVER 1.0's DEMAND and DISAPPROVE.
    pub fn parse_lenient(text: &str) -> Option<Plover> {
        match text.trim().to_ascii_uppercase().as_str() {
            "DEMAND" => Some(Plover::Request),
            "DISAPPROVE" => Some(Plover::Accuse),
            _ => Plover::parse(text),
        }
    }

    /// The PLOVER type of a CAMEO event code ("043", "1712"), by the PLOVER manual and its CAMEO
    /// crosswalk (openeventdata/PLOVER, `PLOVER_MANUAL.tex`, `CAMEO2PLOVER-2021.txt`), with
    /// POLECAT's REQUEST for CAMEO's appeals and demands:
    /// - 01 public statements: none (PLOVER codes no comments);
    /// - 02 appeal and 10 demand: REQUEST; 03 express intent: AGREE; 04: CONSULT;
    /// - 05 diplomatic cooperation, signing a formal agreement (057) included: SUPPORT (the
    ///   manual: "ratify, sign, or finalize an agreement or treaty"), but 055 apologise: CONCEDE
    ///   (regret is a concession);
    /// - 06: COOPERATE; 07: AID;
    /// - 08 yield splits: 080–083 (easing restrictions, acceding to demands) are CONCEDE, verbal;
    ///   0813/0814 (lifting a curfew or state of emergency) and 084–087 (releasing captives,
    ///   returning property, easing sanctions, allowing access, ceasefires, demobilising,
    ///   retreating) are RETREAT, material;
    /// - 09 investigate and 11 disapprove: ACCUSE; 12: REJECT; 13: THREATEN; 14: PROTEST;
    ///   15: MOBILIZE; 16: SANCTION;
    /// - 17 coerce: COERCE, repression included (175: the manual's COERCE is "repression or
    ///   restrictions on rights", arrests among its modes; the crosswalk's ASSAULT for 175 would
    ///   make CAMEO's "arrested protesters" an assault), but destroying property (1712): ASSAULT;
    /// - 18, 19, 20: ASSAULT, but blockades (191) and occupations (192): COERCE.
    ///
    /// `None` for 01 and for anything that is not a code of 2 to 4 digits with a root 01–20.
    pub fn of_cameo(code: &str) -> Option<Plover> {
        let b = code.as_bytes();
        if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let sub = |s: &str| code.starts_with(s);
        Some(match &code[..2] {
            "02" | "10" => Plover::Request,
            "03" => Plover::Agree,
            "04" => Plover::Consult,
            "05" if sub("055") => Plover::Concede,
            "05" => Plover::Support,
            "06" => Plover::Cooperate,
            "07" => Plover::Aid,
            "08" if sub("0813") || sub("0814") || sub("084") || sub("085") || sub("086") || sub("087") => {
                Plover::Retreat
            }
            "08" => Plover::Concede,
            "09" | "11" => Plover::Accuse,
            "12" => Plover::Reject,
            "13" => Plover::Threaten,
            "14" => Plover::Protest,
            "15" => Plover::Mobilize,
            "16" => Plover::Sanction,
            "17" if sub("1712") => Plover::Assault,
            "17" => Plover::Coerce,
            "19" if sub("191") || sub("192") => Plover::Coerce,
            "18" | "19" | "20" => Plover::Assault,
            _ => return None,
        })
    }

    /// The type of an event of this type told as to come rather than done: the PLOVER manual codes
    /// consultations, support, cooperation and aid "reported in future tense" (a meeting planned,
    /// a treaty to be signed, aid to be sent) as AGREE, an intention; other types keep theirs (a
    /// retreat or concession to come is still one).
    pub fn told_as_future(self) -> Plover {
        match self {
            Plover::Consult | Plover::Support | Plover::Cooperate | Plover::Aid => Plover::Agree,
            other => other,
        }
    }

    /// PLOVER's quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub fn quad_class(self) -> u8 {
        match self {
            Plover::Agree | Plover::Consult | Plover::Support | Plover::Concede => 1,
            Plover::Cooperate | Plover::Aid | Plover::Retreat => 2,
            Plover::Request | Plover::Accuse | Plover::Reject | Plover::Threaten | Plover::Protest => 3,
            Plover::Sanction | Plover::Mobilize | Plover::Coerce | Plover::Assault => 4,
        }
    }
}

vocabulary! {
    /// SIPRI's armament categories.
    WeaponCategory {
        Aircraft = "aircraft",
        AirDefence = "air_defence",
        AntiSubmarine = "anti_submarine",
        ArmouredVehicles = "armoured_vehicles",
        Artillery = "artillery",
        Engines = "engines",
        Missiles = "missiles",
        NavalWeapons = "naval_weapons",
        Satellites = "satellites",
        Sensors = "sensors",
        Ships = "ships",
        Other = "other",
    }
}

vocabulary! {
    /// Where an arms deal stands.
    TransferStatus {
        /// Only a framework agreement or letter of intent.
        Framework = "framework",
        /// A binding contract, nothing delivered yet.
        Contract = "contract",
        Delivering = "delivering",
        Delivered = "delivered",
        Cancelled = "cancelled",
    }
}

vocabulary! {
    /// The analytic dimension a fact bears on (used by the depth index and the timeline).
    Dimension {
        Institutional = "institutional",
        Political = "political",
        Operational = "operational",
        DefenceIndustrial = "defence_industrial",
        Cyber = "cyber",
        /// Context: wars, threats and politics that shape a partnership without being part of it.
        Context = "context",
    }
}

vocabulary! {
    /// What sort of driver a driver record is.
    DriverKind {
        Threat = "threat",
        War = "war",
        Policy = "policy",
        Leadership = "leadership",
        CapabilityGap = "capability_gap",
        /// Something whose outcome is open and could change the trend.
        Uncertainty = "uncertainty",
    }
}

vocabulary! {
    /// Which way a driver pushes a partnership.
    Direction {
        Deepening = "deepening",
        Weakening = "weakening",
        Either = "either",
    }
}

impl RelationKind {
    /// The dimension a relation of this kind bears on unless its file says otherwise.
    pub fn default_dimension(self) -> Dimension {
        match self {
            RelationKind::Deployment => Dimension::Operational,
            RelationKind::Office => Dimension::Political,
            _ => Dimension::Institutional,
        }
    }
}

impl EventKind {
    /// The dimension an event of this kind bears on unless its file says otherwise.
    pub fn default_dimension(self) -> Dimension {
        use EventKind::*;
        match self {
            Summit | Meeting | Visit | Statement | Publication => Dimension::Political,
            Exercise | Withdrawal => Dimension::Operational,
            Delivery => Dimension::DefenceIndustrial,
            Invasion | Attack | WeaponsTest | Election | Inauguration => Dimension::Context,
            Signing | Ratification | EntryIntoForce | Accession | Establishment => Dimension::Institutional,
        }
    }

    /// The PLOVER type an event of this kind has unless its file says otherwise; `None` where no
    /// type follows from the kind alone (a statement can support or threaten).
    pub fn default_plover(self) -> Option<Plover> {
        use EventKind::*;
        match self {
            Summit | Meeting | Visit => Some(Plover::Consult),
            // (The manual's SUPPORT: "ratify, sign, or finalize an agreement or treaty".)
            Signing | Ratification | EntryIntoForce | Accession => Some(Plover::Support),
            Exercise | Delivery | Establishment => Some(Plover::Cooperate),
            Invasion | Attack => Some(Plover::Assault),
            WeaponsTest => Some(Plover::Threaten),
            Withdrawal => Some(Plover::Retreat),
            Statement | Publication | Election | Inauguration => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(EventKind::parse("Weapons-Test"), Some(EventKind::WeaponsTest));
        assert_eq!(Plover::parse_lenient("demand"), Some(Plover::Request));
        assert_eq!(Plover::parse("summit"), None);
    }

    #[test]
    fn signing_is_support_and_cooperation_to_come_an_agreement() {
        assert_eq!(Plover::of_cameo("057"), Some(Plover::Support));
        assert_eq!(Plover::of_cameo("036"), Some(Plover::Agree));
        assert_eq!(EventKind::Signing.default_plover(), Some(Plover::Support));
        assert_eq!(Plover::Consult.told_as_future(), Plover::Agree);
        assert_eq!(Plover::Aid.told_as_future(), Plover::Agree);
        assert_eq!(Plover::Retreat.told_as_future(), Plover::Retreat);
        assert_eq!(Plover::Assault.told_as_future(), Plover::Assault);
    }

    #[test]
    fn quad_classes_cover_all_types() {
        let count = |q| Plover::ALL.iter().filter(|p| p.quad_class() == q).count();
        assert_eq!((count(1), count(2), count(3), count(4)), (4, 3, 5, 4));
    }
}
