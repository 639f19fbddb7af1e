package app.homeward.security;

import app.homeward.base.DomainException;
import app.homeward.base.EmailAddress;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * NIST SP 800-63B style: length matters, composition rules don't. 12 to 128 characters (spaces and any
 * character allowed), and not guessable from a list or a pattern, with no network at run time:
 * <ol>
 * <li>not one of the common passwords and phrases shipped in {@code security/common-passwords.txt} and
 * {@code security/common-long-passwords.txt}, compared without case, accents, spaces, dashes, dots and
 * underscores, and with leetspeak read as letters ({@code P@ssw0rd} is {@code password});</li>
 * <li>not containing the email's local part;</li>
 * <li>not mostly predictable: the parts a guesser tries first are set aside (a common password with
 * digits or symbols around it, the clinic's name, the person's own name and email, keyboard walks
 * like {@code qwertyuiop} or {@code 1qaz2wsx}, runs like {@code abcd} or {@code 1234}, repeated
 * characters or words, years), and fewer than {@value #MIN_UNPREDICTABLE} characters may be left. The
 * message names what took up most of the password.</li>
 * </ol>
 * So "passwordpassword", "123456789012", "aaaaaaaaaaaa", "qwertyuiopas", "Sunrise2026!!" at Sunrise
 * and "Dana Okafor-Dana Okafor" for Dana Okafor are refused, and "harbour lantern 2026" is fine.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** Characters that must be left once the predictable parts are set aside. */
    static final int MIN_UNPREDICTABLE = 5;
    /** Keyboard walks and runs count from this length ("qwer", "abcd", "1357"). */
    private static final int MIN_PATTERN = 4;
    /** Parts of names shorter than this are ignored ("Li" would match too much). */
    private static final int MIN_NAME_PART = 3;
    /** Digits and symbols around a common password looked through on each side ("!!" + "password" + "2026!!"). */
    private static final int MAX_DECORATION = 8;

    /** What made a password too predictable; when two cover as much, the first listed names it. */
    enum Weakness {
        CLINIC_NAME("password.clinic-name"),
        OWN_NAME("password.contains-name"),
        EMAIL("password.contains-email"),
        COMMON("password.common"),
        // before the keyboard: "1234" is on the number row too, but people see it as counting
        SEQUENCE("password.sequence"),
        KEYBOARD("password.keyboard"),
        REPEATED("password.repeated"),
        DATE("password.dates"),
        /** Nothing in particular, just too little left: mostly spaces and punctuation. */
        PREDICTABLE("password.predictable");

        final String messageKey;

        Weakness(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    /** US and UK QWERTY, German QWERTZ and French AZERTY rows, columns and zigzags, and the number pad. */
    private static final List<String> KEYBOARD_WALKS = List.of(
            "`1234567890-=", "~!@#$%^&*()_+", "qwertyuiop[]\\", "asdfghjkl;'#", "zxcvbnm,./", "\\zxcvbnm",
            "qwertzuiopü+", "asdfghjklöä#", "yxcvbnm,.-", "azertyuiop^$", "qsdfghjklmù*", "wxcvbn,;:!",
            "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/-['=]", "qazwsxedcrfvtgbyhnujmik,ol.p;/", "zaqxswcdevfrbgtnhymju,ki.lo/;p",
            "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0", "1a2s3d4f5g6h7j8k9l0", "qawsedrftgyhujikolp;",
            "azsxdcfvgbhnjmk,l.;/", "qweasdzxc", "qweasdzxc123", "123qweasdzxc", "zxcasdqwe", "zxcasdqwe123",
            "789456123", "147258369", "741852963", "159753", "1470258369", "0147258369");
    private static final Set<String> KEYBOARD_PIECES = keyboardPieces();
    private static final int LONGEST_WALK = KEYBOARD_PIECES.stream().mapToInt(String::length).max().orElse(0);

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("security/common-passwords.txt", "security/common-long-passwords.txt");
    }

    private static Set<String> load(String... resources) {
        Set<String> words = new HashSet<>(24_576);
        for (String name : resources) {
            var resource = new ClassPathResource(name);
            try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).forEach(s -> {
                    words.add(s.toLowerCase(Locale.ROOT));
                    words.add(text(fold(s)));
                });
            } catch (IOException e) {
                throw new UncheckedIOException("common password list missing: " + name, e);
            }
        }
        words.remove("");
        return Set.copyOf(words);
    }

    /** Throws a {@link DomainException} on the "password" field when the password is not acceptable. */
    public void check(String password, String email) {
        check(password, email, null, null);
    }

    /**
     * Throws a {@link DomainException} on the "password" field when the password is not acceptable for
     * this person (their name may be null) at this clinic (its name and address words; null when unknown).
     */
    public void check(String password, String email, String personName, String clinicName) {
        if (password == null || password.isEmpty()) {
            throw new DomainException("password", "validation.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new DomainException("password", "password.too-short", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new DomainException("password", "password.too-long", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        int[] plain = fold(password);
        List<int[]> views = List.of(plain, leet(plain, 'i'), leet(plain, 'l'));
        if (common.contains(lower) || views.stream().anyMatch(v -> common.contains(text(v)))) {
            throw new DomainException("password", "password.common");
        }
        String local = null;
        if (email != null) {
            local = EmailAddress.localPart(email.toLowerCase(Locale.ROOT));
            if (local.length() >= 3 && lower.contains(local)) {
                throw new DomainException("password", "password.contains-email");
            }
        }
        Weakness weakness = weakness(views, local, personName, clinicName);
        if (weakness != null) {
            throw new DomainException("password", weakness.messageKey);
        }
    }

    /** Null when enough is left after setting aside every predictable part; else what covered most. */
    private Weakness weakness(List<int[]> views, String emailLocalPart, String personName, String clinicName) {
        int[] plain = views.getFirst();
        int n = plain.length;
        Map<Weakness, boolean[]> covered = new EnumMap<>(Weakness.class);
        for (Weakness w : Weakness.values()) {
            covered.put(w, new boolean[n]);
        }
        words(views, parts(clinicName), covered.get(Weakness.CLINIC_NAME));
        words(views, parts(personName), covered.get(Weakness.OWN_NAME));
        words(views, parts(emailLocalPart), covered.get(Weakness.EMAIL));
        commonCore(views, covered.get(Weakness.COMMON));
        keyboardWalks(plain, covered.get(Weakness.KEYBOARD));
        sequences(plain, covered.get(Weakness.SEQUENCE));
        repeats(plain, covered.get(Weakness.REPEATED));
        repeats(views.get(1), covered.get(Weakness.REPEATED));
        years(plain, covered.get(Weakness.DATE));

        int left = 0;
        for (int i = 0; i < n; i++) {
            int index = i;
            if (covered.values().stream().noneMatch(c -> c[index])) {
                left++;
            }
        }
        if (left >= MIN_UNPREDICTABLE) {
            return null;
        }
        Weakness most = Weakness.PREDICTABLE;
        int mostCovered = 0;
        for (Weakness w : Weakness.values()) {
            int count = 0;
            for (boolean c : covered.get(w)) {
                count += c ? 1 : 0;
            }
            if (count > mostCovered) {
                most = w;
                mostCovered = count;
            }
        }
        return most;
    }

    /** Every place where one of these words appears, also in leetspeak. */
    private static void words(List<int[]> views, List<int[]> words, boolean[] covered) {
        for (int[] view : views) {
            for (int[] word : words) {
                for (int i = 0; i + word.length <= view.length; i++) {
                    if (Arrays.equals(view, i, i + word.length, word, 0, word.length)) {
                        Arrays.fill(covered, i, i + word.length, true);
                    }
                }
            }
        }
    }

    /**
     * A common password (or one repeated) with only digits and symbols around it: "Password2026!",
     * "4dmin1234", "monkeymonkey99" (up to {@value #MAX_DECORATION} of them on each side are looked
     * through; what lies further out is left to the other rules). Words inside a longer phrase do not
     * count, so a passphrase of ordinary words stays fine.
     */
    private void commonCore(List<int[]> views, boolean[] covered) {
        int[] plain = views.getFirst();
        int first = -1;
        int last = -1;
        for (int i = 0; i < plain.length; i++) {
            if (Character.isLetter(plain[i])) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return;
        }
        for (int from = Math.max(0, first - MAX_DECORATION); from <= first; from++) {
            for (int to = Math.min(plain.length, last + 1 + MAX_DECORATION); to > last; to--) {
                if (to - from < MIN_PATTERN) {
                    continue;
                }
                for (int[] view : views) {
                    String core = new String(view, from, to - from);
                    String unit = unit(core);
                    if (common.contains(core) || (unit != null && common.contains(unit))) {
                        Arrays.fill(covered, from, to, true);
                    }
                }
            }
        }
    }

    /** The shortest piece the text is two or more copies of, or null. */
    private static String unit(String text) {
        int length = text.length();
        for (int size = 1; size <= length / 2; size++) {
            if (length % size == 0 && text.substring(0, size).repeat(length / size).equals(text)) {
                return text.substring(0, size);
            }
        }
        return null;
    }

    private static void keyboardWalks(int[] plain, boolean[] covered) {
        for (int i = 0; i < plain.length; i++) {
            for (int end = Math.min(plain.length, i + LONGEST_WALK); end - i >= MIN_PATTERN; end--) {
                if (KEYBOARD_PIECES.contains(new String(plain, i, end - i))) {
                    Arrays.fill(covered, i, end, true);
                    break;
                }
            }
        }
    }

    /** Runs of letters or digits going up or down by one or two: "abcd", "4321", "2468", "7890123". */
    private static void sequences(int[] plain, boolean[] covered) {
        for (int i = 0; i + 1 < plain.length; i++) {
            int step = step(plain[i], plain[i + 1]);
            if (step == 0) {
                continue;
            }
            int end = i + 1;
            while (end + 1 < plain.length && step(plain[end], plain[end + 1]) == step) {
                end++;
            }
            if (end - i + 1 >= MIN_PATTERN) {
                Arrays.fill(covered, i, end + 1, true);
            }
        }
    }

    /** -2, -1, 1 or 2 between two letters a–z or two digits (which wrap: 9 then 0); 0 otherwise. */
    private static int step(int a, int b) {
        if (a >= '0' && a <= '9' && b >= '0' && b <= '9') {
            int up = Math.floorMod(b - a, 10);
            return switch (up) {
                case 1, 2 -> up;
                case 9, 8 -> up - 10;
                default -> 0;
            };
        }
        if (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' && Math.abs(b - a) <= 2) {
            return b - a;
        }
        return 0;
    }

    /** "aaa", "abab", "xyzxyz", "passwordpassword": a piece written again right after itself. */
    private static void repeats(int[] view, boolean[] covered) {
        int n = view.length;
        for (int i = 0; i < n; i++) {
            for (int size = 1; i + 2 * size <= n; size++) {
                int copies = 1;
                while (i + (copies + 1) * size <= n
                        && Arrays.equals(view, i, i + size, view, i + copies * size, i + (copies + 1) * size)) {
                    copies++;
                }
                if ((size == 1 && copies >= 3) || (size > 1 && copies >= 2)) {
                    Arrays.fill(covered, i, i + copies * size, true);
                }
            }
        }
    }

    /** Years 1900–2099. */
    private static void years(int[] plain, boolean[] covered) {
        for (int i = 0; i + 4 <= plain.length; i++) {
            boolean century = (plain[i] == '1' && plain[i + 1] == '9') || (plain[i] == '2' && plain[i + 1] == '0');
            if (century && Character.isDigit(plain[i + 2]) && Character.isDigit(plain[i + 3])) {
                Arrays.fill(covered, i, i + 4, true);
            }
        }
    }

    /** A name's words of at least {@value #MIN_NAME_PART} characters, folded like the password. */
    private static List<int[]> parts(String name) {
        List<int[]> parts = new ArrayList<>();
        if (name == null) {
            return parts;
        }
        for (String part : withoutAccents(name).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (part.codePointCount(0, part.length()) >= MIN_NAME_PART) {
                parts.add(part.codePoints().toArray());
            }
        }
        return parts;
    }

    /**
     * Lower case without accents, spaces, dashes, dots or underscores: the characters of the password
     * that carry its strength, and the form the lists are compared in.
     */
    static int[] fold(String password) {
        return withoutAccents(password).toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-' && c != '_' && c != '.')
                .toArray();
    }

    private static String withoutAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    }

    /** Leetspeak read as letters, one for one; {@code one} is what 1, ! and | stand for ('i' or 'l'). */
    private static int[] leet(int[] plain, char one) {
        int[] letters = plain.clone();
        for (int i = 0; i < letters.length; i++) {
            letters[i] = switch (letters[i]) {
                case '0' -> 'o';
                case '1', '!', '|' -> one;
                case '3', '€' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7', '+' -> 't';
                case '8' -> 'b';
                case '9' -> 'g';
                default -> letters[i];
            };
        }
        return letters;
    }

    private static String text(int[] codePoints) {
        return new String(codePoints, 0, codePoints.length);
    }

    private static Set<String> keyboardPieces() {
        Set<String> pieces = new HashSet<>();
        for (String walk : KEYBOARD_WALKS) {
            for (String way : List.of(text(fold(walk)), new StringBuilder(text(fold(walk))).reverse().toString())) {
                for (int from = 0; from < way.length(); from++) {
                    for (int to = from + MIN_PATTERN; to <= way.length(); to++) {
                        pieces.add(way.substring(from, to));
                    }
                }
            }
        }
        return Set.copyOf(pieces);
    }
}
