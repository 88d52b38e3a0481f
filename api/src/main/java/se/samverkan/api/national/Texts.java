package se.samverkan.api.national;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.MatterType;

/** SYNTHETIC texts of matters, decisions, recommendations and notes, in the bodies' Swedish. */
final class Texts {

    private static final Map<String, List<String>> SUBJECTS = Map.of(
            "aldre", List.of("trygg hemgång för äldre", "demensvård i ordinärt boende", "fallprevention", "äldres läkemedelsanvändning",
                    "korttidsplatser", "hemtjänstens delegeringar"),
            "funktionshinder", List.of("hjälpmedelsförsörjning", "daglig verksamhet", "personlig assistans", "habilitering för vuxna",
                    "boende med särskild service"),
            "ifo", List.of("placeringar av barn och unga", "våld i nära relationer", "försörjningsstöd och rehabilitering",
                    "missbruksvård", "familjehemsvård"),
            "skola-barn-unga", List.of("elevhälsans medicinska insatser", "barn i behov av särskilt stöd", "skolfrånvaro",
                    "ungdomsmottagningen", "tidiga insatser i förskolan"),
            "halso-sjukvard", List.of("kommunal hälso- och sjukvård", "läkarmedverkan i hemsjukvården", "utskrivning från slutenvård",
                    "palliativ vård", "vaccinationer i särskilt boende", "digitala vårdmöten"),
            "psykisk-halsa", List.of("psykisk hälsa hos unga", "suicidprevention", "samsjuklighet", "första linjens psykiatri",
                    "psykosociala insatser"),
            "folkhalsa", List.of("folkhälsoplanen", "fysisk aktivitet på recept", "tobaksprevention", "jämlik hälsa",
                    "föräldrastöd"));
    private static final List<String> DECISION_FORMS = List.of("Gemensam rutin för %s", "Överenskommelse om %s",
            "Riktlinje för %s", "Handlingsplan för %s", "Ansvarsfördelning för %s", "Uppdrag att utreda %s");
    private static final List<String> FINANCIAL_FORMS = List.of("Finansiering av %s", "Budget för %s",
            "Kostnadsfördelning för %s", "Medel till utvecklingsarbete inom %s");
    private static final List<String> INFORMATION_FORMS = List.of("Information om %s", "Lägesrapport: %s",
            "Uppföljning av %s", "Rapport från arbetsgruppen för %s");
    private static final List<String> DISCUSSION_FORMS = List.of("Diskussion om %s", "Inriktning för %s",
            "Erfarenheter av %s", "Behov inom %s");
    private static final List<String> NOTES = List.of("Noterat.", "Skickat till förvaltningen för kännedom.",
            "Tas upp på nämndens nästa sammanträde.", "Besvaras av förvaltningen.", "Ingen åtgärd.");
    static final List<String> CANCEL_REASONS = List.of("för få anmälda ledamöter", "inga ärenden att behandla",
            "krock med budgetberedningen", "ordförande sjuk", "samordnas med nästa ordinarie sammanträde");

    private Texts() {
    }

    static String subject(String area, SplittableRandom random) {
        return Names.pick(random, SUBJECTS.getOrDefault(area, SUBJECTS.get("halso-sjukvard")));
    }

    static String title(MatterType type, DecisionCategory category, String subject, int year, SplittableRandom random) {
        List<String> forms = switch (type) {
            case DECISION -> category == DecisionCategory.FINANCIAL ? FINANCIAL_FORMS : DECISION_FORMS;
            case INFORMATION -> INFORMATION_FORMS;
            case DISCUSSION -> DISCUSSION_FORMS;
        };
        String title = String.format(Names.pick(random, forms), subject);
        return type == MatterType.DECISION && random.nextInt(3) == 0 ? title + " " + year : title;
    }

    static String description(MatterType type, String subject, String body) {
        return switch (type) {
            case DECISION -> "Förslag till beslut i " + body + " om " + subject
                    + ". Ärendet har beretts med berörda förvaltningar hos parterna.";
            case INFORMATION -> "Information till " + body + " om arbetet med " + subject + ".";
            case DISCUSSION -> "Diskussion i " + body + " om hur parterna vill gå vidare med " + subject + ".";
        };
    }

    static String decision(String shortName, String title) {
        return shortName + " beslutar att anta förslaget: " + lower(title) + ".";
    }

    static String recommendation(String shortName, String title) {
        return shortName + " rekommenderar parterna att anta " + lower(title) + ".";
    }

    static String note(SplittableRandom random) {
        return Names.pick(random, NOTES);
    }

    private static String lower(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
