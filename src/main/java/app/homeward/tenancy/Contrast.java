package app.homeward.tenancy;

import java.awt.Color;
import java.util.Locale;
import java.util.regex.Pattern;

/** WCAG 2 contrast arithmetic for the clinic's accent colour. */
public final class Contrast {

    public static final Pattern HEX = Pattern.compile("^#[0-9a-fA-F]{6}$");

    private Contrast() {
    }

    public static boolean isHexColour(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** Contrast ratio of white text on this colour (1 to 21). */
    public static double withWhite(String hex) {
        return ratio(1.0, luminance(hex));
    }

    /** Whether the colour works as text on a white page (4.5:1). */
    public static boolean readableOnWhite(String hex) {
        return withWhite(hex) >= 4.5;
    }

    /** White or near-black, whichever reads better on this colour. */
    public static String textOn(String hex) {
        double l = luminance(hex);
        return ratio(1.0, l) >= ratio(l, luminance("#1f2933")) ? "#ffffff" : "#1f2933";
    }

    /**
     * Whether the colour reads as "something is wrong": a saturated red to red-orange or pink, the family
     * of Lumo's error colour (hue about 3°). A focus ring in such an accent makes a focused, empty field
     * look like a validation error, so {@code ClinicBrand} then draws focus rings in the page's ink.
     */
    public static boolean resemblesError(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        float[] hsb = Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, null);
        float degrees = hsb[0] * 360;
        boolean reddish = degrees <= 25 || degrees >= 335;
        return reddish && hsb[1] >= 0.45 && hsb[2] >= 0.35;
    }

    static double luminance(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        double r = channel(Integer.parseInt(h.substring(1, 3), 16));
        double g = channel(Integer.parseInt(h.substring(3, 5), 16));
        double b = channel(Integer.parseInt(h.substring(5, 7), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double ratio(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
}
