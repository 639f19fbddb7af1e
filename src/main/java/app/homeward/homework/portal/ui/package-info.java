/** The client's homework pages: today, doing one homework, its printable card, and progress. */
package app.homeward.homework.portal.ui;
