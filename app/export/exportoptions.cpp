#include "exportoptions.h"

#include <QRegularExpression>

#include <array>
#include <climits>

namespace loopscope {

namespace {

struct Named {
    const char *name;
    int value;
};

constexpr std::array kFormats {Named {"svg", int(ExportFormat::Svg)}, Named {"png", int(ExportFormat::Png)},
    Named {"pdf", int(ExportFormat::Pdf)}, Named {"perfetto", int(ExportFormat::Perfetto)},
    Named {"trace", int(ExportFormat::Trace)}, Named {"json", int(ExportFormat::Json)}};
constexpr std::array kThemes {Named {"slides", int(TimelineTheme::Kind::Slides)},
    Named {"light", int(TimelineTheme::Kind::Light)}, Named {"dark", int(TimelineTheme::Kind::Dark)}};

struct Preset {
    const char *name;
    QSize size;
};
const std::array kSizes {Preset {"1920x1080", {1920, 1080}}, Preset {"1280x720", {1280, 720}},
    Preset {"4:3", {1440, 1080}}};

// The options in the order `loopscope help` and the README list them.
struct OptionHelp {
    const char *name;
    const char *value; // how the value is written
    const char *help;
    bool showDefault = true; // end the line with the default value
};
constexpr std::array kOptionHelp {
    OptionHelp {"format", "svg|png|pdf|perfetto|trace|json", "what to write (default: from --out's ending, else svg)",
        false},
    OptionHelp {"out", "PATH", "the file (default: the script's name and the format's ending, here)", false},
    OptionHelp {"steps", "FIRST:LAST", "only these loop steps, counted from 1; either end may be left out"},
    OptionHelp {"time", "START:END", "only the steps that start in this span of virtual seconds"},
    OptionHelp {"tasks", "NAME,NAME", "only these tasks' lanes: Task-2, or the name= given to create_task"},
    OptionHelp {"axis", "steps|time", "one column per loop step, or virtual time"},
    OptionHelp {"theme", "slides|light|dark", "slides: white, high contrast, large type"},
    OptionHelp {"size", "1920x1080|1280x720|4:3|WxH", "the page in pixels (4:3 is 1440x1080)"},
    OptionHelp {"title", "TEXT", "the title above the timeline (default: the script's title)", false},
    OptionHelp {"subtitle", "TEXT", "a line under the title", false},
    OptionHelp {"legend", "on|off", "the key to colours and marks"},
    OptionHelp {"code", "on|off", "the script beside the timeline"},
    OptionHelp {"font-scale", "F", "text size, 0.5 to 4"},
    OptionHelp {"scale", "1|2|4", "PNG: pixels per page pixel"},
    OptionHelp {"background", "transparent|solid", "PNG: the page's background"},
    OptionHelp {"build", "[=step|iteration]", "PDF: one page per step (or loop iteration), the timeline growing"},
};

template <std::size_t N>
bool lookup(const std::array<Named, N> &table, const QString &value, int *out)
{
    for (const Named &n : table)
        if (value == QLatin1String(n.name)) {
            *out = n.value;
            return true;
        }
    return false;
}

template <std::size_t N>
QString nameOf(const std::array<Named, N> &table, int value)
{
    for (const Named &n : table)
        if (n.value == value)
            return QLatin1String(n.name);
    return {};
}

// The names of a table's entries, in order.
template <typename Table>
QStringList namesOf(const Table &table)
{
    QStringList names;
    for (const auto &entry : table)
        names << QLatin1String(entry.name);
    return names;
}

template <std::size_t N>
QString known(const std::array<Named, N> &table)
{
    return namesOf(table).join(QStringLiteral(", "));
}

bool onOff(const QString &value, bool *out)
{
    if (value == QLatin1String("on") || value == QLatin1String("yes") || value == QLatin1String("true")) {
        *out = true;
        return true;
    }
    if (value == QLatin1String("off") || value == QLatin1String("no") || value == QLatin1String("false")) {
        *out = false;
        return true;
    }
    return false;
}

// "A:B", "A:" or ":B" into two numbers (an empty side stays as it was: an open end).
bool range(const QString &value, double *from, double *to)
{
    const int colon = value.indexOf(QLatin1Char(':'));
    if (colon < 0 || value.indexOf(QLatin1Char(':'), colon + 1) >= 0)
        return false;
    const QString a = value.left(colon).trimmed(), b = value.mid(colon + 1).trimmed();
    if (a.isEmpty() && b.isEmpty())
        return false;
    bool ok = true;
    if (!a.isEmpty())
        *from = a.toDouble(&ok);
    if (ok && !b.isEmpty())
        *to = b.toDouble(&ok);
    return ok;
}

QString number(double v)
{
    return std::isnan(v) ? QString() : QString::number(v, 'g', 12);
}

} // namespace

bool setExportOption(ExportOptions *o, const QString &name, const QString &value, QString *error)
{
    auto fail = [&](const QString &accepts) {
        *error = QStringLiteral("--%1 '%2': %3").arg(name, value, accepts);
        return false;
    };
    int n = 0;
    if (name == QLatin1String("format")) {
        if (!lookup(kFormats, value, &n))
            return fail(QStringLiteral("known formats: ") + known(kFormats));
        o->format = ExportFormat(n);
    } else if (name == QLatin1String("out")) {
        if (value.isEmpty())
            return fail(QStringLiteral("give the file to write"));
        o->out = value;
    } else if (name == QLatin1String("steps")) {
        double from = 0, to = 0;
        if (value == QLatin1String("all")) {
            o->stepFrom = o->stepTo = 0;
            return true;
        }
        if (!range(value, &from, &to) || from != std::floor(from) || to != std::floor(to) || from > INT_MAX
            || to > INT_MAX)
            return fail(QStringLiteral("give FIRST:LAST step numbers, e.g. 10:40 (either may be left out)"));
        const bool hasFrom = !value.startsWith(QLatin1Char(':')), hasTo = !value.endsWith(QLatin1Char(':'));
        if ((hasFrom && from < 1) || (hasTo && to < 1))
            return fail(QStringLiteral("steps count from 1; give e.g. 1:%1").arg(hasTo && to >= 1 ? int(to) : 40));
        if (hasFrom && hasTo && from > to)
            return fail(QStringLiteral("the range is empty (%1 comes after %2); give FIRST:LAST, e.g. %2:%1")
                            .arg(int(from))
                            .arg(int(to)));
        o->stepFrom = int(from);
        o->stepTo = int(to);
        o->timeFrom = o->timeTo = std::nan("");
    } else if (name == QLatin1String("time")) {
        if (value == QLatin1String("all")) {
            o->timeFrom = o->timeTo = std::nan("");
            return true;
        }
        double from = std::nan(""), to = std::nan("");
        if (!range(value, &from, &to) || std::isinf(from) || std::isinf(to))
            return fail(QStringLiteral("give START:END in virtual seconds, e.g. 0:2.5 (either may be left out)"));
        if (from < 0 || to < 0)
            return fail(QStringLiteral("virtual time starts at 0; give e.g. 0:2.5"));
        if (!std::isnan(from) && !std::isnan(to) && from >= to)
            return fail(QStringLiteral("the range is empty (START must come before END); give e.g. 0:2.5"));
        o->timeFrom = from;
        o->timeTo = to;
        o->stepFrom = o->stepTo = 0;
    } else if (name == QLatin1String("tasks")) {
        o->tasks.clear();
        if (value != QLatin1String("all"))
            for (const QString &t : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
                o->tasks << t.trimmed();
    } else if (name == QLatin1String("axis")) {
        if (value != QLatin1String("steps") && value != QLatin1String("time"))
            return fail(QStringLiteral("known axes: steps, time"));
        o->axis = value == QLatin1String("time") ? AxisMode::Time : AxisMode::Steps;
    } else if (name == QLatin1String("theme")) {
        if (!lookup(kThemes, value, &n))
            return fail(QStringLiteral("known themes: ") + known(kThemes));
        o->theme = TimelineTheme::Kind(n);
    } else if (name == QLatin1String("size")) {
        for (const Preset &p : kSizes)
            if (value == QLatin1String(p.name)) {
                o->size = p.size;
                return true;
            }
        static const QRegularExpression wxh(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto m = wxh.match(value);
        const int w = m.hasMatch() ? m.captured(1).toInt() : 0, h = m.hasMatch() ? m.captured(2).toInt() : 0;
        if (w < 320 || h < 200 || w > 16384 || h > 16384)
            return fail(QStringLiteral("give 1920x1080, 1280x720, 4:3 or WIDTHxHEIGHT from 320x200 to 16384x16384"));
        o->size = QSize(w, h);
    } else if (name == QLatin1String("title")) {
        o->title = value;
    } else if (name == QLatin1String("subtitle")) {
        o->subtitle = value;
    } else if (name == QLatin1String("legend")) {
        if (!onOff(value, &o->legend))
            return fail(QStringLiteral("give on or off"));
    } else if (name == QLatin1String("code")) {
        if (!onOff(value, &o->code))
            return fail(QStringLiteral("give on or off"));
    } else if (name == QLatin1String("font-scale")) {
        bool ok = false;
        const double f = value.toDouble(&ok);
        if (!ok || f < 0.5 || f > 4)
            return fail(QStringLiteral("give a number from 0.5 to 4"));
        o->fontScale = f;
    } else if (name == QLatin1String("scale")) {
        if (value != QLatin1String("1") && value != QLatin1String("2") && value != QLatin1String("4"))
            return fail(QStringLiteral("give 1, 2 or 4"));
        o->scale = value.toInt();
    } else if (name == QLatin1String("background")) {
        if (value != QLatin1String("transparent") && value != QLatin1String("solid"))
            return fail(QStringLiteral("give transparent or solid"));
        o->transparent = value == QLatin1String("transparent");
    } else if (name == QLatin1String("build")) {
        if (value == QLatin1String("step") || value == QLatin1String("iteration")) {
            o->build = true;
            o->buildUnit = value == QLatin1String("step") ? BuildUnit::Step : BuildUnit::Iteration;
        } else if (!onOff(value, &o->build)) {
            return fail(QStringLiteral("give step, iteration or off"));
        }
    } else {
        *error = QStringLiteral("unknown export option '--%1' (known: --%2)")
                     .arg(name, exportOptionNames().join(QStringLiteral(", --")));
        return false;
    }
    return true;
}

QStringList exportOptionNames()
{
    return namesOf(kOptionHelp);
}

QString exportOptionsHelp()
{
    const ExportOptions defaults;
    QString text;
    for (const OptionHelp &h : kOptionHelp) {
        const QString name = QLatin1String(h.name);
        const QString usage = QStringLiteral("  --") + name + (h.value[0] == '[' ? "" : " ") + QLatin1String(h.value);
        // As `loopscope help` lays out its commands: the description at column 34, under a long usage.
        QString line = (usage.size() < 32 ? usage.leftJustified(32) : usage + QLatin1Char('\n') + QString(32, QLatin1Char(' ')))
            + QLatin1Char(' ') + QLatin1String(h.help);
        const QString value = exportOptionValue(defaults, name);
        if (h.showDefault && !value.isEmpty())
            line += QStringLiteral(" (%1)").arg(value);
        text += line + QLatin1Char('\n');
    }
    return text;
}

QStringList exportFormatNames()
{
    return namesOf(kFormats);
}

QString exportOptionValue(const ExportOptions &o, const QString &name)
{
    auto flag = [](bool on) { return on ? QStringLiteral("on") : QStringLiteral("off"); };
    if (name == QLatin1String("format"))
        return formatName(o.format);
    if (name == QLatin1String("out"))
        return o.out;
    if (name == QLatin1String("steps"))
        return o.hasStepRange() ? (o.stepFrom > 0 ? QString::number(o.stepFrom) : QString()) + QLatin1Char(':')
                + (o.stepTo > 0 ? QString::number(o.stepTo) : QString())
                                : QStringLiteral("all");
    if (name == QLatin1String("time"))
        return o.hasTimeRange() ? number(o.timeFrom) + QLatin1Char(':') + number(o.timeTo) : QStringLiteral("all");
    if (name == QLatin1String("tasks"))
        return o.tasks.isEmpty() ? QStringLiteral("all") : o.tasks.join(QLatin1Char(','));
    if (name == QLatin1String("axis"))
        return o.axis == AxisMode::Time ? QStringLiteral("time") : QStringLiteral("steps");
    if (name == QLatin1String("theme"))
        return nameOf(kThemes, int(o.theme));
    if (name == QLatin1String("size")) {
        for (const Preset &p : kSizes)
            if (p.size == o.size)
                return QLatin1String(p.name);
        return QStringLiteral("%1x%2").arg(o.size.width()).arg(o.size.height());
    }
    if (name == QLatin1String("title"))
        return o.title;
    if (name == QLatin1String("subtitle"))
        return o.subtitle;
    if (name == QLatin1String("legend"))
        return flag(o.legend);
    if (name == QLatin1String("code"))
        return flag(o.code);
    if (name == QLatin1String("font-scale"))
        return number(o.fontScale);
    if (name == QLatin1String("scale"))
        return QString::number(o.scale);
    if (name == QLatin1String("background"))
        return o.transparent ? QStringLiteral("transparent") : QStringLiteral("solid");
    if (name == QLatin1String("build"))
        return !o.build ? QStringLiteral("off")
            : o.buildUnit == BuildUnit::Step ? QStringLiteral("step")
                                             : QStringLiteral("iteration");
    return {};
}

QString formatName(ExportFormat format)
{
    return nameOf(kFormats, int(format));
}

QString formatSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Perfetto: return QStringLiteral("perfetto.json");
    default: return formatName(format);
    }
}

} // namespace loopscope
