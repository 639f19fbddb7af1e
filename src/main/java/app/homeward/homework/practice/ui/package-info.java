/** The "my homework practice" page. */
package app.homeward.homework.practice.ui;
