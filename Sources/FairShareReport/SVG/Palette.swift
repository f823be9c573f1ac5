/// Colours for chart series: the Okabe–Ito palette, distinguishable with every common form of colour-vision
/// deficiency. Line charts also give each series its own marker shape, so series stay apart in greyscale.
public enum ChartPalette {
    /// Series colours as `#rrggbb`, in the order series receive them. Okabe–Ito's yellow (#F0E442) is left
    /// out: it is too light for lines and labels on white.
    public static let okabeIto: [String] = [
        "#0072B2",  // blue
        "#E69F00",  // orange
        "#009E73",  // bluish green
        "#D55E00",  // vermillion
        "#CC79A7",  // reddish purple
        "#56B4E9",  // sky blue
        "#000000",  // black
    ]

    /// The colour of the series at `index` (0-based); the palette repeats after seven series.
    public static func colour(at index: Int) -> String {
        okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count]
    }
}

/// Shared sizes (pixels) and colours of the charts.
enum ChartStyle {
    static let textColour = "#222222"
    static let secondaryTextColour = "#444444"
    static let gridColour = "#e3e3e3"
    static let axisColour = "#666666"
    static let zeroLineColour = "#333333"

    /// Outer margin on every side.
    static let padding = 24.0
    static let titleSize = 24.0
    static let legendSize = 15.0
    static let axisLabelSize = 15.0
    static let tickLabelSize = 14.0
    static let valueLabelSize = 12.0
    static let tickLength = 5.0

    /// The smallest document the layout supports; smaller requests are enlarged to this.
    static let minimumWidth = 480.0
    static let minimumHeight = 270.0

    /// The design size: the sizes above are for a 960 × 540 document.
    static let designWidth = 960.0
    static let designHeight = 540.0

    /// The displayed size for a requested one (enlarged to the minimum; non-finite as the design size), and
    /// the size of the drawing in user units. Charts are laid out as if for 960 × 540 and scaled, so text keeps
    /// its proportion to the chart at every size (a 1920 × 1080 chart is a sharper 960 × 540 one). Below 0.75
    /// times the design size the drawing stops shrinking and gets relatively larger text instead.
    static func canvas(width: Double, height: Double)
        -> (displayWidth: Double, displayHeight: Double, width: Double, height: Double)
    {
        let displayWidth = max(width.isFinite ? width : designWidth, minimumWidth)
        let displayHeight = max(height.isFinite ? height : designHeight, minimumHeight)
        let scale = max(0.75, min(displayWidth / designWidth, displayHeight / designHeight))
        func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        return (displayWidth, displayHeight, rounded(displayWidth / scale), rounded(displayHeight / scale))
    }
}
