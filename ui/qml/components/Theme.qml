pragma Singleton
import QtQuick

// Every size and colour of the terminal in one place. Sizes are in pixels at 1080 px screen
// width; we assume a 21.5"-27" hall screen, where 1 px is about 0.25-0.31 mm, so body text
// of 28 px is about 7-8.7 mm high (ADA 707 asks for 4.8 mm, the 适老化 rules for 18 dp).
QtObject {
    // Colours (contrast against `background`/`surface` is >= 4.5:1; checked by tests).
    readonly property color primary: "#0b4f9c"        // 政务蓝
    readonly property color primaryDark: "#083a73"
    readonly property color textOnPrimary: "#ffffff"
    readonly property color accent: "#c8102e"         // 中国红, used sparingly
    readonly property color background: "#eef2f7"
    readonly property color surface: "#ffffff"
    readonly property color text: "#1a1f29"
    readonly property color textMuted: "#4a5566"
    readonly property color divider: "#c9d2de"
    readonly property color ok: "#1b7a3a"
    readonly property color warning: "#8a5a00"
    readonly property color error: "#b3261e"
    readonly property color unknown: "#4a5566"
    readonly property color disabledSurface: "#e3e7ed"

    // Forms and rows (one block). Borders of fields and tappable rows reach 3:1 against the
    // surface, the page background and a pressed row (WCAG 1.4.11); a focused field gets a
    // thick dark ring inside its border (WCAG 2.4.7). Both measured by test_sizes_contrast.
    readonly property color fieldBorder: "#6b7688"
    readonly property color focusRing: "#083a73"
    readonly property int fieldBorderWidth: 2
    readonly property int focusRingWidth: 5
    readonly property int fieldPadding: 20

    // Elder mode (关怀模式): every text and touch target half as large again (x 1.5; the
    // size test holds every page to it). Body text 42 px is about 10.5-13 mm on our assumed
    // screens (the 适老化 rules ask for >= 30 px-equivalent here), targets >= 132 px.
    readonly property bool elder: shell.elderMode
    // For the odd size a page derives itself (a glyph, a huge queue number): multiply by it.
    readonly property real scale: elder ? 1.5 : 1

    // Type scale.
    // Noto Sans CJK SC cut to what the screens show (ui/fonts), or the full font.
    readonly property string fontFamily: shell.fontFamily
    readonly property int fontSmall: elder ? 36 : 24
    readonly property int fontBody: elder ? 42 : 28
    readonly property int fontLarge: elder ? 54 : 36
    readonly property int fontTitle: elder ? 72 : 48
    readonly property int fontHuge: elder ? 108 : 72
    // The status bar takes two rows (150 px) where its larger text does not fit on one.
    readonly property int statusFont: elder ? 36 : 24
    readonly property int statusFontStrong: elder ? 42 : 28
    readonly property int statusClock: elder ? 54 : 36

    // Geometry.
    readonly property int statusBarHeight: elder ? 132 : 88
    readonly property int spacing: 24
    readonly property int padding: 40
    readonly property int radius: 16
    readonly property int touchMin: elder ? 132 : 88   // >= 60 dp elder, >= 44 dp default
    readonly property int tileHeight: elder ? 450 : 300
    readonly property int iconSize: elder ? 140 : 112

    // Text that must fit a narrow box (a choice, a button) gets its size here, computed once
    // from the font's widths, instead of Text.HorizontalFit, which lays the text out again and
    // again at every size it tries, each time its box changes (#22: the rating page's 45
    // choices took most of its time that way). Widths are measured at 100 px and scaled.
    readonly property FontMetrics fitRegular: FontMetrics {
        font.family: fontFamily
        font.pixelSize: 100
    }
    readonly property FontMetrics fitBold: FontMetrics {
        font.family: fontFamily
        font.pixelSize: 100
        font.bold: true
    }
    // How wide `text` is on one line at `pixelSize`: a box's natural width, without laying it out.
    function textWidth(text, pixelSize, bold) {
        return Math.ceil((bold ? fitBold : fitRegular).advanceWidth(text) * pixelSize / 100)
    }
    // The largest size from `preferred` down to `minimum` at which `text` fits `available` px:
    // with `wraps`, its widest unbreakable piece (a Latin word; a CJK character breaks
    // anywhere); without, the whole line. A box not laid out yet (0 px) gets `preferred`.
    function fitPixelSize(text, preferred, minimum, available, bold, wraps) {
        if (available <= 0 || text === "")
            return preferred
        const metrics = bold ? fitBold : fitRegular
        const pieces = wraps ? (text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+/g) || []) : [text]
        let widest = 0
        for (const piece of pieces)
            widest = Math.max(widest, metrics.advanceWidth(piece))
        // 2 px to spare: hinting at the real size may round a glyph up.
        const fits = widest > 0 ? Math.floor((available - 2) * 100 / widest) : preferred
        return Math.max(minimum, Math.min(preferred, fits))
    }
}
