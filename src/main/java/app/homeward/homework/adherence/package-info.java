/**
 * Adherence: how much of their homework clients do, by one definition ({@link
 * app.homeward.homework.adherence.AdherenceCalculator}, decision 0019) for the adherence pages, the client
 * page's panel, the caseload list's rows and the progress report. Reads the shared model in
 * {@code homework}; exposed to the client pages as the named interface "adherence".
 */
@org.springframework.modulith.NamedInterface("adherence")
package app.homeward.homework.adherence;
