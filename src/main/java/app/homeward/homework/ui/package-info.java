/**
 * Screen pieces the parts of homework share, and the client pages embed: formatting of clients, dates and
 * badges ({@code ClientFormat}) and charts ({@code Charts}, used by the adherence pages and the client's
 * progress page). Each part's own screens live in its {@code ui} package (plan, portal, review, adherence).
 */
@org.springframework.modulith.NamedInterface("ui")
package app.homeward.homework.ui;
