package app.homeward.worksheet;

import java.util.List;

/** A curated set of built-in worksheets for a common presentation (worry, low mood, sleep, exposure). */
public record Pack(String key, List<String> worksheets) {

    public String titleKey() {
        return "pack." + key + ".title";
    }

    public String descriptionKey() {
        return "pack." + key + ".description";
    }
}
