/**
 * The client's side of homework: today's homework and choices, filling it in with drafts that are never lost,
 * submitting with a reflection, asking for a change, the calendar file, the homework card PDF, and their own
 * progress and history. Reads and writes the shared model in {@code homework}. No named interface: no other
 * module uses it (the portal's pages are reached by their routes).
 */
package app.homeward.homework.portal;
