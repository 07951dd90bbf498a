package org.zoomcompliance.generate;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The vocabulary of the synthetic institution: names, topics, clients, addresses and data centres. */
final class SyntheticValues {

    /** One hundred first names and one hundred last names: ten thousand distinct people, none sharing a name. */
    static final List<String> FIRST_NAMES = List.of(
            "Marie", "Jean", "Camille", "Louis", "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Gabriel",
            "Emma", "Arthur", "Inès", "Jules", "Jade", "Raphaël", "Louise", "Nathan", "Alice", "Théo",
            "Sarah", "Tom", "Zoé", "Paul", "Lina", "Noah", "Anna", "Adam", "Julie", "Victor",
            "Élise", "Maxime", "Clara", "Antoine", "Lucie", "Mathis", "Pauline", "Baptiste", "Margaux", "Nicolas",
            "Mathilde", "Romain", "Juliette", "Alexandre", "Céline", "Pierre", "Laura", "Quentin", "Charlotte", "Julien",
            "Océane", "Thomas", "Amélie", "Florian", "Marine", "Guillaume", "Agathe", "Benoît", "Hélène", "Olivier",
            "Sophie", "Étienne", "Claire", "François", "Nadia", "Karim", "Yasmine", "Mehdi", "Fatima", "Samir",
            "Aïcha", "Youssef", "Nora", "Rayan", "Salomé", "Bastien", "Eva", "Cédric", "Anaïs", "Damien",
            "Émilie", "Fabien", "Gaëlle", "Hervé", "Isabelle", "Jérôme", "Katia", "Laurent", "Mélanie", "Noël",
            "Ophélie", "Patrice", "Rémi", "Sandrine", "Tristan", "Valérie", "Xavier", "Yannick", "Zacharie", "Morgane");
    static final List<String> LAST_NAMES = List.of(
            "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel", "Leroy",
            "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
            "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer",
            "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin",
            "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont",
            "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly",
            "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard",
            "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert",
            "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey",
            "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean", "Guyot", "Dupuis");
    /** Outside participants: their names are full names too, from a pool no institution member shares. */
    static final List<String> GUEST_FIRST_NAMES = List.of(
            "John", "Emily", "Michael", "Sofia", "Lukas", "Giulia", "Pedro", "Hannah", "Mateo", "Ingrid");
    static final List<String> GUEST_LAST_NAMES = List.of(
            "Smith", "Johnson", "Rossi", "Schneider", "Silva", "Nowak", "Jensen", "Novak", "Costa", "Walsh");
    /** What zoombombers call themselves: single words and generic names, never a first and last name. */
    static final List<String> BOMBER_NAMES = List.of(
            "Guest", "zoombomb", "xXx", "Utilisateur", "lol", "Invité", "User", "anonymous", "Bob", "troll");
    /** Display names that do not identify anyone: phone numbers and devices. */
    static final List<String> UNIDENTIFIED_NAMES = List.of(
            "+33 6 12 34 56 78", "0612345678", "iPhone", "+33 7 98 76 54 32", "Galaxy S21", "iPad");

    static final List<String> COURSES = List.of(
            "Thermodynamique", "Algèbre linéaire", "Probabilités", "Mécanique des fluides", "Programmation Java",
            "Bases de données", "Réseaux", "Électronique numérique", "Anglais B2", "Gestion de projet",
            "Science des matériaux", "Optimisation", "Traitement du signal", "Chimie organique", "Économie");
    static final List<String> MEETINGS = List.of(
            "Réunion d'équipe", "Point hebdomadaire", "Comité de pilotage", "Point projet", "Réunion de service",
            "Séminaire de laboratoire", "Atelier pédagogique", "Conseil de département");
    static final List<String> STUDENT_MEETINGS = List.of(
            "Projet de groupe", "Révisions", "Bureau des élèves", "Club robotique", "Préparation soutenance");
    static final List<String> RECRUITMENT_MEETINGS = List.of(
            "Entretien de recrutement", "Entretien candidat", "Oral d'admission");
    /** Topics every one of which holds a default sensitive term as a whole word. */
    static final List<String> SENSITIVE_TOPICS = List.of(
            "Jury de fin d'année", "Délibération L3", "Conseil disciplinaire", "Point confidentiel RH",
            "Suivi médical", "Dossier santé étudiant");
    static final List<String> DEPARTMENTS = List.of(
            "Informatique", "Mécanique", "Génie civil", "Chimie", "Langues", "Direction des études");
    static final List<String> CAMPUSES = List.of("Nord", "Sud", "Centre");

    static final List<String> CURRENT_VERSIONS = List.of(
            "6.2.5.48013", "6.1.10.45561", "5.17.11.34827", "6.3.1.51207", "6.0.12.42310");
    static final List<String> OUTDATED_VERSIONS = List.of("5.9.1.2581", "5.13.4.11835", "5.16.10.26186");
    static final List<String> EU_DATA_CENTRES = List.of("Germany (FR)", "Netherlands (AM)");
    static final String US_DATA_CENTRE = "United States (SC Top)";
    static final List<String> LOCATIONS = List.of(
            "Paris (FR)", "Lyon (FR)", "Grenoble (FR)", "Lille (FR)", "Bruxelles (BE)");
    static final List<String> DEVICES = List.of("Windows", "Mac", "iOS", "Android", "Linux");
    static final List<String> NETWORKS = List.of("Wifi", "Wired", "Cellular");
    static final List<String> CONNECTIONS = List.of("UDP", "TCP", "SSL");
    static final List<String> CLIENT_TYPES = List.of("Windows", "Mac", "iOS", "Android", "Browser");
    static final List<String> OUTSIDE_DOMAINS = List.of("gmail.com", "outlook.fr", "zoom-perso.net");

    private SyntheticValues() {
    }

    static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /**
     * An address as Zoom reports it: public and private IPv4, IPv6, IPv4-mapped IPv6, and now and then a value
     * that is no address at all (seen in anonymised samples).
     */
    static String address(SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 52) {
            int[] publicFirst = {82, 90, 176, 78, 86, 92, 109, 193};
            return publicFirst[random.nextInt(publicFirst.length)] + "." + random.nextInt(256) + "."
                    + random.nextInt(256) + "." + (1 + random.nextInt(254));
        }
        if (kind < 67) {
            return switch (random.nextInt(3)) {
                case 0 -> "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
                case 1 -> "192.168." + random.nextInt(256) + "." + (1 + random.nextInt(254));
                default -> "172." + (16 + random.nextInt(16)) + "." + random.nextInt(256) + "."
                        + (1 + random.nextInt(254));
            };
        }
        if (kind < 89) {
            String[] prefixes = {"2a01:cb00:", "2a01:e0a:", "2001:861:", "2a02:8428:"};
            return prefixes[random.nextInt(prefixes.length)] + Integer.toHexString(random.nextInt(0x10000)) + ":"
                    + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000))
                    + "::" + Integer.toHexString(1 + random.nextInt(0xffff));
        }
        if (kind < 98) {
            return "::ffff:" + (80 + random.nextInt(20)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254));
        }
        return (100_000_000 + random.nextInt(900_000_000)) + "." + random.nextInt(1000);
    }

    /** Drops accents and spaces for an e-mail's local part. */
    static String mailPart(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
