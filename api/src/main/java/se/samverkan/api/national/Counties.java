package se.samverkan.api.national;

import java.util.List;

/**
 * The 19 counties (län) the generator makes, with their real county numbers (länskod), letters (länsbokstav), names,
 * numbers of municipalities and regions. Blekinge (10, K) and Norrbotten (25, BD) are not here: the structure files
 * describe them, and the generator leaves them as they are. Codes follow the files' convention (lower-case name).
 */
final class Counties {

    /** One county: {@code municipalities} is the real count (290 with Blekinge's 5 and Norrbotten's 14). */
    record CountySpec(String code, int number, String letter, String name, int municipalities, String region,
            String regionCode, String formerName) {

        /** Whether the region carried another name (its county council's) before it became a region in 2019. */
        boolean renamed() {
            return !formerName.equals(region);
        }
    }

    static final List<CountySpec> ALL = List.of(
            new CountySpec("stockholm", 1, "AB", "Stockholms län", 26, "Region Stockholm", "region-stockholm",
                    "Stockholms läns landsting"),
            new CountySpec("uppsala", 3, "C", "Uppsala län", 8, "Region Uppsala", "region-uppsala",
                    "Landstinget i Uppsala län"),
            new CountySpec("sodermanland", 4, "D", "Södermanlands län", 9, "Region Sörmland", "region-sormland",
                    "Landstinget Sörmland"),
            new CountySpec("ostergotland", 5, "E", "Östergötlands län", 13, "Region Östergötland",
                    "region-ostergotland", "Landstinget i Östergötland"),
            new CountySpec("jonkoping", 6, "F", "Jönköpings län", 13, "Region Jönköpings län", "region-jonkoping",
                    "Landstinget i Jönköpings län"),
            new CountySpec("kronoberg", 7, "G", "Kronobergs län", 8, "Region Kronoberg", "region-kronoberg",
                    "Landstinget Kronoberg"),
            new CountySpec("kalmar", 8, "H", "Kalmar län", 12, "Region Kalmar län", "region-kalmar",
                    "Landstinget i Kalmar län"),
            // Gotland is one municipality with a region's tasks; it is generated as a municipality and a region, like
            // every other county, so that each body has a municipal and a regional side (LSVO-17).
            new CountySpec("gotland", 9, "I", "Gotlands län", 1, "Region Gotland", "region-gotland", "Region Gotland"),
            new CountySpec("skane", 12, "M", "Skåne län", 33, "Region Skåne", "region-skane", "Region Skåne"),
            new CountySpec("halland", 13, "N", "Hallands län", 6, "Region Halland", "region-halland",
                    "Landstinget Halland"),
            new CountySpec("vastra-gotaland", 14, "O", "Västra Götalands län", 49, "Västra Götalandsregionen",
                    "vastra-gotalandsregionen", "Västra Götalandsregionen"),
            new CountySpec("varmland", 17, "S", "Värmlands län", 16, "Region Värmland", "region-varmland",
                    "Landstinget i Värmland"),
            new CountySpec("orebro", 18, "T", "Örebro län", 12, "Region Örebro län", "region-orebro",
                    "Örebro läns landsting"),
            new CountySpec("vastmanland", 19, "U", "Västmanlands län", 10, "Region Västmanland", "region-vastmanland",
                    "Landstinget Västmanland"),
            new CountySpec("dalarna", 20, "W", "Dalarnas län", 15, "Region Dalarna", "region-dalarna",
                    "Landstinget Dalarna"),
            new CountySpec("gavleborg", 21, "X", "Gävleborgs län", 10, "Region Gävleborg", "region-gavleborg",
                    "Landstinget Gävleborg"),
            new CountySpec("vasternorrland", 22, "Y", "Västernorrlands län", 7, "Region Västernorrland",
                    "region-vasternorrland", "Landstinget Västernorrland"),
            new CountySpec("jamtland", 23, "Z", "Jämtlands län", 8, "Region Jämtland Härjedalen",
                    "region-jamtland-harjedalen", "Jämtlands läns landsting"),
            new CountySpec("vasterbotten", 24, "AC", "Västerbottens län", 15, "Region Västerbotten",
                    "region-vasterbotten", "Västerbottens läns landsting"));

    private Counties() {
    }
}
