package app.homeward.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every question of every built-in worksheet reads to its last word on a phone (issue 13): the PHQ-9's item 9
 * once read "Thoughts that you would be better off dead or o…". Two clients of the journeys-only clinic
 * (src/test/resources/e2e-tenants/readable.yaml), one reading English and one Spanish, have every built-in as
 * today's homework; each is opened on the client's own page at 360×740 and 390×844, and no text on the page may
 * stick out of a box that clips it, nor be cut with an ellipsis. Screenshots of each page are kept.
 */
@Tag("e2e")
class ReadableQuestionsJourneyTest {

    static final String CLINIC = "readable";
    static final String PASSWORD = "paper-kite-morning-2026";
    static final int BUILT_INS = 21;

    /**
     * Text that is cut: an element with text of its own that overflows while it clips (ellipsis or hidden
     * overflow), or whose box reaches past the nearest clipping box it sits in, through shadow roots and slots
     * (Vaadin's field labels are slotted into a part that clips). Boxes of 2 px or less are the visually-hidden
     * pattern for screen readers, not cut text.
     */
    private static final String CUT_TEXT = """
            const root = document.querySelector('.homework-page') || document.body;
            const found = [];
            const flatParent = n => {
              if (n.assignedSlot) return n.assignedSlot;
              const p = n.parentNode;
              return p && p.nodeType === 11 ? p.host : p;
            };
            const clips = s => s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis';
            const describe = el => el.tagName.toLowerCase()
                + (el.getAttribute('part') ? '[part=' + el.getAttribute('part') + ']' : '')
                + (el.id ? '#' + el.id : '');
            const visit = el => {
              const texts = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim());
              const text = texts.map(n => n.textContent).join('').trim();
              if (text && el.getClientRects().length) {
                // where the text itself lies (a range over it), not the element's box: a block may fit its parent
                // while the line inside it runs on, hidden
                const range = document.createRange();
                range.setStartBefore(texts[0]);
                range.setEndAfter(texts[texts.length - 1]);
                const rect = range.getBoundingClientRect();
                const own = getComputedStyle(el);
                if (clips(own) && el.clientWidth > 2 && el.scrollWidth > el.clientWidth + 1) {
                  found.push(describe(el) + ' cuts "' + text.slice(0, 90) + '"');
                } else {
                  for (let a = flatParent(el); a && a.nodeType === 1 && a !== document.documentElement; a = flatParent(a)) {
                    const s = getComputedStyle(a);
                    if (clips(s)) {
                      const box = a.getBoundingClientRect();
                      if (box.width > 2 && (rect.right > box.right + 1 || rect.left < box.left - 1)) {
                        found.push(describe(a) + ' cuts ' + describe(el) + ' "' + text.slice(0, 90) + '"');
                        break;
                      }
                    }
                    if (a === root) break;
                  }
                }
              }
              for (const child of el.children) visit(child);
              if (el.shadowRoot) for (const child of el.shadowRoot.children) visit(child);
            };
            visit(root);
            return found;
            """;

    /** Lumo's old one-line label, put back for a moment on a page with a long question: the check must see it. */
    private static final String CUT_LABELS_BACK = """
            if (![...document.querySelectorAll("label[slot='label']")].some(l => l.textContent.trim().length > 60)) {
              return false;
            }
            const style = document.createElement('style');
            style.id = 'cut-labels-back';
            style.textContent = ":is(vaadin-text-field, vaadin-text-area, vaadin-integer-field, vaadin-radio-group, "
                + "vaadin-checkbox-group, vaadin-select, vaadin-combo-box)::part(label) "
                + "{ white-space: nowrap !important; overflow: hidden !important; text-overflow: ellipsis !important; } "
                + "label[slot='label'] { white-space: inherit !important; overflow: visible !important; }";
            document.head.appendChild(style);
            return true;
            """;

    @AfterAll
    static void quit_browsers() {
        Browser.closeAll();
    }

    @Test
    void every_built_in_worksheet_reads_in_full_on_a_phone_in_english_and_in_spanish() throws IOException {
        Browser.clearScreenshots(name -> name.startsWith("readable-"));
        List<String> cut = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            Browser reader = Browser.open("readable-" + language);
            reader.step("readable-" + language + "-signed-in", () -> {
                reader.resize(360, 740);
                reader.fillInSignIn(CLINIC, "reader-" + language + "@readable.example", PASSWORD);
                reader.click(reader.visible(By.id("sign-in")));
                reader.visible(By.id("home-title"));
                reader.settle();
                // today's and tomorrow's of each built-in: whatever the hour the journey runs at, the first 21 cards
                // (due now, then overdue) are one of each worksheet
                assertThat(openButtons(reader)).as("every built-in is homework").hasSizeGreaterThanOrEqualTo(BUILT_INS);
            });
            boolean[] checkSeen = {false};
            for (int[] size : new int[][] {{360, 740}, {390, 844}}) {
                reader.resize(size[0], size[1]);
                for (int i = 0; i < BUILT_INS; i++) {
                    int index = i;
                    String label = "readable-%s-%d-%02d".formatted(language, size[0], i + 1);
                    reader.step(label, () -> {
                        reader.driver.get(BASE_URL + "/my");
                        reader.visible(By.id("home-title"));
                        reader.settle();
                        reader.click(openButtons(reader).get(index));
                        reader.waitFor(d -> d.getCurrentUrl().contains("/my/homework/"));
                        reader.visible(By.id("submit-homework"));
                        reader.settle();
                        @SuppressWarnings("unchecked")
                        List<String> found = (List<String>) reader.driver.executeScript(CUT_TEXT);
                        found.forEach(what -> cut.add(label + ": " + what));
                        if (!checkSeen[0] && Boolean.TRUE.equals(reader.driver.executeScript(CUT_LABELS_BACK))) {
                            @SuppressWarnings("unchecked")
                            List<String> planted = (List<String>) reader.driver.executeScript(CUT_TEXT);
                            reader.screenshot(label + "-planted-cut");
                            reader.driver.executeScript("document.getElementById('cut-labels-back').remove();");
                            assertThat(planted).as("the check sees labels cut back to one line").isNotEmpty();
                            checkSeen[0] = true;
                        }
                        assertThat(reader.horizontalOverflow()).as("nothing wider than the phone: "
                                + reader.widestElements()).isLessThanOrEqualTo(0);
                    });
                }
            }
            assertThat(checkSeen[0]).as("a page with a long question was found to prove the check").isTrue();
        }
        assertThat(cut).as("text cut off on the client's homework pages (see target/e2e-screenshots/readable-*)")
                .isEmpty();
    }

    private static List<WebElement> openButtons(Browser reader) {
        return reader.driver.findElements(By.cssSelector("vaadin-button.homework-open"));
    }
}
