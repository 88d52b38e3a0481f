package se.samverkan.api.national;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * SYNTHETIC names: municipalities are made of common Swedish place-name parts (a few may coincide with real places),
 * people of common Swedish first names and surnames (every person is fictitious). Nothing here names a real
 * municipality or a real person on purpose.
 */
final class Names {

    private static final List<String> PLACE_STARTS = List.of("Björk", "Ek", "Lind", "Al", "Ask", "Asp", "Bok", "Gran",
            "Tall", "Hassel", "Rönn", "Ljung", "Sten", "Berg", "Dal", "Sjö", "Ny", "Öster", "Väster", "Norr", "Söder",
            "Hög", "Lång", "Bred", "Stor", "Lill", "Mal", "Hammar", "Kvarn", "Bro", "Kyrk", "Hed", "Myr", "Sand",
            "Skog", "Löv", "Rosen", "Sol", "Vall", "Tor", "Frö", "Häll", "Kull", "Ulv", "Björn", "Hjort", "Svan",
            "Tran", "Lax", "Borg", "Karls", "Gustavs", "Fred", "Ulriks", "Mark", "Ström", "Fors", "Vik", "Holm", "Ås");
    private static final List<String> PLACE_ENDS = List.of("by", "köping", "sund", "vik", "holm", "berga", "ås",
            "åker", "fors", "dal", "hult", "torp", "stad", "näs", "hamn", "ryd", "boda", "sjö", "lunda", "mark",
            "hed", "fält", "bro", "tuna", "inge", "red", "bäck", "lid", "strand", "måla");

    private static final List<String> FIRST_NAMES = List.of("Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin",
            "Emma", "Ingrid", "Malin", "Sofia", "Linda", "Elin", "Hanna", "Johanna", "Camilla", "Jenny", "Ida", "Frida",
            "Helena", "Annika", "Susanne", "Åsa", "Ulrika", "Therese", "Lars", "Mikael", "Anders", "Johan", "Erik",
            "Per", "Karl", "Peter", "Thomas", "Jan", "Daniel", "Fredrik", "Hans", "Mattias", "Magnus", "Jonas",
            "Andreas", "Stefan", "Niklas", "Marcus", "Oskar", "Henrik", "Björn", "Gustav", "Viktor");
    private static final List<String> SURNAMES = List.of("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
            "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
            "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist",
            "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lundgren", "Lundqvist", "Mattsson", "Berglund",
            "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund",
            "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson",
            "Isaksson", "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg",
            "Blomqvist", "Claesson", "Nordström", "Mårtensson", "Lundström", "Viklund", "Björklund", "Eliasson");

    private Names() {
    }

    /** A place name such as Björkvik; the caller keeps them unique. */
    static String place(SplittableRandom random) {
        String start = pick(random, PLACE_STARTS);
        String end = pick(random, PLACE_ENDS);
        if (Character.toLowerCase(start.charAt(start.length() - 1)) == end.charAt(0)) {
            end = end.substring(1); // Holm + måla, not Holmmåla
        }
        return start + end;
    }

    /** {@code Björkviks kommun}, {@code Lindå kommun}: the genitive -s after a consonant other than s, x or z. */
    static String municipality(String place) {
        char last = Character.toLowerCase(place.charAt(place.length() - 1));
        boolean genitive = "aeiouyåäö".indexOf(last) < 0 && "sxz".indexOf(last) < 0;
        return place + (genitive ? "s" : "") + " kommun";
    }

    /** A party or body code from a name: lower-case ASCII letters, digits and '-'. */
    static String code(String name) {
        String ascii = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static String person(SplittableRandom random) {
        return pick(random, FIRST_NAMES) + " " + pick(random, SURNAMES);
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
