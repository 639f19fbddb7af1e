/**
 * Worksheet screens (library, builder, detail) and the one renderer every other feature uses to
 * show a worksheet: {@link app.homeward.worksheet.ui.WorksheetForm}.
 */
@org.springframework.modulith.NamedInterface("ui")
package app.homeward.worksheet.ui;
