/**
 * The review screens: the review queue, one entry with feedback, the alerts list; the alert dialog the client
 * page embeds (and the entry page it links to) are why this package is the named interface "review-ui".
 */
@org.springframework.modulith.NamedInterface("review-ui")
package app.homeward.homework.review.ui;
