/**
 * "My homework practice": how a therapist sets and follows up homework, month by month, against the habits the
 * research ties to homework being done (decision 0044). Private to each therapist; admins see the clinic's totals
 * only. Reads the shared model in {@code homework}.
 */
package app.homeward.homework.practice;
