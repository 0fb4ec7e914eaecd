#include "exportcontroller.h"

#include "appsettings.h"
#include "session.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <optional>

namespace loopscope {

// The run as it was when copied: the trace, the script and its title, read by the preview and the
// export workers while the session steps on.
struct ExportController::Run {
    Trace trace;
    std::string source;
    QString title;
    std::optional<TimelineLayout> layout; // of `trace`: what the options are checked against
    FigureInput input() const { return {&trace, source, title}; }
};

namespace {

// The options remembered between exports: how figures look, not what they show (a range or a
// lane list belongs to one run, a title to one script).
const QStringList kRemembered {QStringLiteral("format"), QStringLiteral("axis"), QStringLiteral("theme"),
    QStringLiteral("size"), QStringLiteral("legend"), QStringLiteral("code"), QStringLiteral("font-scale"),
    QStringLiteral("scale"), QStringLiteral("background"), QStringLiteral("build")};

bool isFigureFormat(ExportFormat f)
{
    return f == ExportFormat::Svg || f == ExportFormat::Png || f == ExportFormat::Pdf;
}

// A value as a shell reads it back: quoted when it has anything but plain characters.
QString shellQuoted(const QString &value)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:,=+@%-]+$"));
    if (plain.match(value).hasMatch())
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// Keeps the first lines written to it, then refuses more (a data format's preview stops early).
class HeadDevice : public QIODevice {
public:
    explicit HeadDevice(int lines)
        : m_lines(lines)
    {
        open(QIODevice::WriteOnly);
    }
    QString text() const
    {
        QString t = QString::fromUtf8(m_data);
        const QStringList lines = t.split(QLatin1Char('\n'));
        return lines.mid(0, m_lines).join(QLatin1Char('\n'));
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        if (m_data.count('\n') >= m_lines)
            return -1;
        m_data.append(data, size);
        return size;
    }

private:
    int m_lines;
    QByteArray m_data;
};

} // namespace

ExportController::ExportController(Session *session, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    const auto remembered = m_settings->exportOptions();
    ExportOptions check;
    QString ignored;
    for (auto it = remembered.begin(); it != remembered.end(); ++it)
        if (kRemembered.contains(it.key()) && setExportOption(&check, it.key(), it.value(), &ignored))
            m_values.insert(it.key(), it.value());

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &ExportController::renderPreview);
    connect(&m_previewWatcher, &QFutureWatcherBase::finished, this, &ExportController::previewRendered);
    connect(&m_exportWatcher, &QFutureWatcherBase::finished, this, &ExportController::exportFinished);
    // While the dialog is open the snapshot follows the session, a moment after it settles.
    m_snapshotTimer.setSingleShot(true);
    m_snapshotTimer.setInterval(kPreviewDelayMs);
    connect(&m_snapshotTimer, &QTimer::timeout, this, &ExportController::snapshot);
    connect(m_session, &Session::stateChanged, this, [this] {
        if (m_active)
            m_snapshotTimer.start();
    });
    connect(m_session, &Session::scriptChanged, this, [this] {
        m_values.remove(QStringLiteral("title"));
        m_values.remove(QStringLiteral("subtitle"));
        m_values.remove(QStringLiteral("steps"));
        m_values.remove(QStringLiteral("time"));
        m_values.remove(QStringLiteral("tasks"));
        m_exportedPath.clear(); // "Exported gather.pdf" is about the script before
        setStatus(QString(), false);
        Q_EMIT optionsChanged();
    });
}

ExportController::~ExportController()
{
    // The workers hold their own copies of the run; wait so none outlives the watchers.
    if (m_cancel)
        m_cancel->store(true);
    m_previewWatcher.waitForFinished();
    m_exportWatcher.waitForFinished();
}

void ExportController::snapshot()
{
    if (m_session->inStep()) { // the window handles its events inside a long step: not now
        m_snapshotTimer.start();
        return;
    }
    auto run = std::make_shared<Run>();
    run->trace = m_session->trace();
    run->source = m_session->engine().source();
    run->title = m_session->title();
    run->layout.emplace(&run->trace, run->source);
    run->layout->update();
    const TimelineLayout &layout = *run->layout;
    m_run = run;

    m_stepCount = layout.stepCount();
    m_duration = layout.xEnd(AxisMode::Time);
    m_taskNames.clear();
    m_taskLabels.clear();
    for (const Lane &lane : layout.lanes())
        if (lane.kind == LaneKind::Task) { // asyncio.run's helper tasks too: they have lanes
            m_taskNames << QString::fromStdString(run->trace.taskName(lane.task));
            m_taskLabels << QString::fromStdString(lane.name);
        }
    m_runFinished = m_session->atEnd();
    if (m_previewStep < 1 || m_previewStep > m_stepCount)
        m_previewStep = m_stepCount;
    Q_EMIT runChanged();
    Q_EMIT previewStepChanged();
    Q_EMIT optionsChanged(); // the problem and the range's ends depend on the run
    schedulePreview();
}

QVariantMap ExportController::values() const
{
    const ExportOptions o = options();
    QVariantMap map;
    for (const QString &name : exportOptionNames())
        map.insert(name, exportOptionValue(o, name));
    return map;
}

ExportOptions ExportController::options(QString *problem) const
{
    ExportOptions o;
    QString error;
    for (const QString &name : exportOptionNames()) {
        const auto it = m_values.find(name);
        if (it != m_values.end() && !setExportOption(&o, name, *it, &error) && problem && problem->isEmpty())
            *problem = error;
    }
    o.out = suggestedName();
    if (problem && problem->isEmpty())
        *problem = runProblem(o);
    return o;
}

// What the options ask of the run that it does not have: the command line's own check.
QString ExportController::runProblem(const ExportOptions &o) const
{
    return m_run ? loopscope::runProblem(*m_run->layout, o) : QString();
}

QString ExportController::problem() const
{
    QString p;
    options(&p);
    return p;
}

bool ExportController::setOption(const QString &name, const QString &value)
{
    ExportOptions check = options();
    QString error;
    if (!setExportOption(&check, name, value, &error)) {
        setStatus(error, true);
        return false;
    }
    // Stored as the parser reads it back, so "4:3" and "1440x1080" are one value.
    const ExportOptions defaults;
    const QString normal = exportOptionValue(check, name);
    if (normal == exportOptionValue(defaults, name) && name != QLatin1String("format"))
        m_values.remove(name);
    else
        m_values.insert(name, normal);
    // A step range and a time range exclude each other, as setExportOption decides.
    if (name == QLatin1String("steps") && check.hasStepRange())
        m_values.remove(QStringLiteral("time"));
    if (name == QLatin1String("time") && check.hasTimeRange())
        m_values.remove(QStringLiteral("steps"));
    if (m_failed)
        setStatus(QString(), false);
    optionsEdited();
    return true;
}

void ExportController::optionsEdited()
{
    QMap<QString, QString> remembered;
    for (const QString &name : kRemembered)
        if (m_values.contains(name))
            remembered.insert(name, m_values.value(name));
    m_settings->setExportOptions(remembered);
    Q_EMIT optionsChanged();
    schedulePreview();
}

void ExportController::setRangeAll()
{
    m_values.remove(QStringLiteral("steps"));
    m_values.remove(QStringLiteral("time"));
    optionsEdited();
}

void ExportController::setStepRange(int from, int to)
{
    setOption(QStringLiteral("steps"), QStringLiteral("%1:%2").arg(from).arg(to));
}

void ExportController::setTimeRange(double from, double to)
{
    setOption(QStringLiteral("time"), QString::number(from, 'g', 12) + QLatin1Char(':') + QString::number(to, 'g', 12));
}

bool ExportController::taskShown(const QString &task) const
{
    const QStringList tasks = options().tasks;
    return tasks.isEmpty() || tasks.contains(task);
}

void ExportController::setTaskShown(const QString &task, bool shown)
{
    QStringList tasks;
    for (const QString &t : m_taskNames)
        if (t == task ? shown : taskShown(t))
            tasks << t;
    if (tasks.isEmpty()) {
        setStatus(QStringLiteral("A figure shows at least one task: keep one lane"), true);
        Q_EMIT optionsChanged(); // the check box shows it again
        return;
    }
    setOption(QStringLiteral("tasks"),
        tasks.size() == m_taskNames.size() ? QStringLiteral("all") : tasks.join(QLatin1Char(',')));
}

void ExportController::resetOptions()
{
    m_values.clear();
    setStatus(QString(), false);
    optionsEdited();
}

bool ExportController::isFigure() const
{
    return isFigureFormat(options().format);
}

bool ExportController::optionApplies(ExportFormat format, const QString &name)
{
    static const QStringList figureOnly {QStringLiteral("axis"), QStringLiteral("theme"), QStringLiteral("size"),
        QStringLiteral("title"), QStringLiteral("subtitle"), QStringLiteral("legend"), QStringLiteral("code"),
        QStringLiteral("font-scale")};
    if (name == QLatin1String("scale") || name == QLatin1String("background"))
        return format == ExportFormat::Png;
    if (name == QLatin1String("build"))
        return format == ExportFormat::Pdf;
    if (figureOnly.contains(name))
        return isFigureFormat(format);
    // The conformance trace is the whole run, always.
    return format != ExportFormat::Trace || name == QLatin1String("format") || name == QLatin1String("out");
}

QStringList ExportController::applicable() const
{
    const ExportFormat format = options().format;
    QStringList names = exportOptionNames();
    names.removeIf([format](const QString &name) { return !optionApplies(format, name); });
    return names;
}

QString ExportController::rangeMode() const
{
    const ExportOptions o = options();
    return o.hasStepRange() ? QStringLiteral("steps")
        : o.hasTimeRange()  ? QStringLiteral("time")
                            : QStringLiteral("all");
}

int ExportController::stepFrom() const
{
    const ExportOptions o = options();
    return o.stepFrom > 0 ? o.stepFrom : std::min(1, m_stepCount);
}

int ExportController::stepTo() const
{
    const ExportOptions o = options();
    return o.stepTo > 0 ? o.stepTo : m_stepCount;
}

double ExportController::timeFrom() const
{
    const ExportOptions o = options();
    return std::isnan(o.timeFrom) ? 0.0 : o.timeFrom;
}

double ExportController::timeTo() const
{
    const ExportOptions o = options();
    return std::isnan(o.timeTo) ? m_duration : o.timeTo;
}

QString ExportController::scriptArgument() const
{
    return m_session->scenarioName().isEmpty() ? m_session->filePath() : m_session->scenarioName();
}

QString ExportController::suggestedName() const
{
    QString base = m_session->scenarioName();
    if (base.isEmpty())
        base = QFileInfo(m_session->filePath()).completeBaseName();
    if (base.isEmpty())
        base = QStringLiteral("timeline");
    ExportOptions o;
    QString ignored;
    setExportOption(
        &o, QStringLiteral("format"), m_values.value(QStringLiteral("format"), QStringLiteral("svg")), &ignored);
    return base + QLatin1Char('.') + formatSuffix(o.format);
}

QUrl ExportController::folder() const
{
    QString dir = m_settings->exportFolder();
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return QUrl::fromLocalFile(dir);
}

QString ExportController::commandLine() const
{
    const ExportOptions o = options();
    const ExportOptions defaults;
    QStringList words {QStringLiteral("loopscope"), QStringLiteral("export"), shellQuoted(scriptArgument())};
    for (const QString &name : exportOptionNames()) {
        if (name == QLatin1String("out") || !optionApplies(o.format, name))
            continue;
        const QString value = exportOptionValue(o, name);
        if (value == exportOptionValue(defaults, name) && name != QLatin1String("format"))
            continue;
        if (name == QLatin1String("build"))
            words << (o.buildUnit == BuildUnit::Step ? QStringLiteral("--build") : QStringLiteral("--build=") + value);
        else
            words << QStringLiteral("--") + name << shellQuoted(value);
    }
    const QString out = m_exportedPath.isEmpty() ? suggestedName() : QFileInfo(m_exportedPath).fileName();
    words << QStringLiteral("--out") << shellQuoted(out);
    return words.join(QLatin1Char(' '));
}

void ExportController::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active)
        snapshot();
    else
        m_snapshotTimer.stop();
    Q_EMIT activeChanged();
}

void ExportController::setPreviewStep(int step)
{
    step = std::clamp(step, std::min(1, m_stepCount), m_stepCount);
    if (step == m_previewStep)
        return;
    m_previewStep = step;
    Q_EMIT previewStepChanged();
    schedulePreview();
}

QString ExportController::previewCaption() const
{
    const ExportOptions o = options();
    if (!isFigureFormat(o.format))
        return tr("The first lines of %1").arg(suggestedName());
    const auto dimensions
        = [](QSize size) { return QStringLiteral("%1 \u00d7 %2").arg(size.width()).arg(size.height()); };
    switch (o.format) {
    case ExportFormat::Png:
        if (o.scale == 1)
            return tr("PNG \u00b7 %1 pixels").arg(dimensions(o.size));
        return tr("PNG \u00b7 %1 at %2\u00d7 = %3 pixels")
            .arg(dimensions(o.size))
            .arg(o.scale)
            .arg(dimensions(o.size * o.scale));
    case ExportFormat::Pdf:
        if (!o.build)
            return tr("PDF \u00b7 one %1 page").arg(dimensions(o.size));
        if (o.buildUnit == BuildUnit::Iteration)
            return tr("PDF \u00b7 one %1 slide per loop iteration").arg(dimensions(o.size));
        if (o.hasTimeRange())
            return tr("PDF \u00b7 one %1 slide per step").arg(dimensions(o.size));
        return tr("PDF \u00b7 %1 slides of %2, one per step").arg(stepTo() - stepFrom() + 1).arg(dimensions(o.size));
    default: return tr("SVG \u00b7 %1").arg(dimensions(o.size));
    }
}

void ExportController::setPreviewSize(const QSize &size)
{
    if (size == m_previewSize || size.isEmpty())
        return;
    m_previewSize = size;
    schedulePreview();
}

void ExportController::schedulePreview()
{
    if (m_run)
        m_previewTimer.start();
}

void ExportController::renderPreview()
{
    if (!m_run)
        return;
    if (m_previewWatcher.isRunning()) {
        m_previewAgain = true; // one render at a time; the newest options render next
        return;
    }
    QString problem;
    const ExportOptions o = options(&problem);
    const int cut = o.format == ExportFormat::Pdf && o.build ? m_previewStep : TimelineLayout::kOpen;
    const QSize target = m_previewSize;
    m_previewWatcher.setFuture(QtConcurrent::run([run = m_run, o, cut, target]() -> Preview {
        Preview preview;
        if (!isFigureFormat(o.format)) {
            HeadDevice head(kPreviewLines);
            QString ignored;
            if (o.format == ExportFormat::Perfetto)
                writePerfetto(run->input(), o, &head, &ignored);
            else if (o.format == ExportFormat::Trace)
                writeConformanceTrace(run->input(), &head, &ignored);
            else
                writeEventJson(run->input(), o, &head, &ignored);
            preview.text = head.text();
            return preview;
        }
        const Figure figure(run->input(), o);
        const QSizeF page = figure.size();
        const qreal scale = std::min(target.width() / page.width(), target.height() / page.height());
        if (!(scale > 0))
            return preview;
        preview.image = QImage((page * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        preview.image.fill(Qt::transparent);
        QPainter p(&preview.image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        p.scale(scale, scale);
        figure.paint(p, cut, cut == TimelineLayout::kOpen ? -1 : cut - 1);
        return preview;
    }));
}

void ExportController::previewRendered()
{
    const Preview preview = m_previewWatcher.result();
    m_previewImage = preview.image;
    m_previewText = preview.text;
    Q_EMIT previewChanged();
    if (m_previewAgain) {
        m_previewAgain = false;
        renderPreview();
    }
}

void ExportController::setStatus(const QString &text, bool failed)
{
    if (text == m_status && failed == m_failed)
        return;
    m_status = text;
    m_failed = failed;
    Q_EMIT statusChanged();
}

void ExportController::exportTo(const QUrl &file)
{
    exportToPath(file.toLocalFile());
}

void ExportController::exportToPath(const QString &path)
{
    if (m_busy)
        return;
    if (!m_run)
        snapshot();
    QString problem;
    ExportOptions o = options(&problem);
    if (problem.isEmpty() && path.isEmpty())
        problem = QStringLiteral("give the file to write");
    if (!problem.isEmpty()) {
        setStatus(problem, true);
        return;
    }
    const QFileInfo target(path);
    m_settings->setExportFolder(target.absolutePath());
    // exportRun writes through QSaveFile and asks once more before it commits: a cancelled or
    // failed export leaves nothing, and an existing file stays as it was.
    o.out = target.absoluteFilePath();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_busy = true;
    m_progress = 0;
    setStatus(QStringLiteral("Exporting %1\u2026").arg(target.fileName()), false);
    Q_EMIT busyChanged();
    Q_EMIT progressChanged();

    auto progressShared = std::make_shared<std::atomic<int>>(0); // per mille
    auto poll = new QTimer(this);
    poll->setInterval(50);
    connect(poll, &QTimer::timeout, this, [this, progressShared] {
        const double p = progressShared->load() / 1000.0;
        if (p != m_progress) {
            m_progress = p;
            Q_EMIT progressChanged();
        }
    });
    connect(&m_exportWatcher, &QFutureWatcherBase::finished, poll, &QObject::deleteLater);
    poll->start();

    m_exportWatcher.setFuture(QtConcurrent::run([run = m_run, o, cancel = m_cancel, progressShared]() {
        Result r;
        const auto cancelled = [&r] {
            r.ok = false;
            r.error = QStringLiteral("cancelled");
            return r;
        };
        if (cancel->load())
            return cancelled();
        const ExportProgress progress = [cancel, progressShared](int done, int total) {
            if (total > 0)
                progressShared->store(int(1000.0 * done / total));
            return !cancel->load();
        };
        r.ok = exportRun(run->input(), o, &r.report, &r.error, progress);
        if (!r.ok && cancel->load())
            return cancelled();
        return r;
    }));
}

void ExportController::exportFinished()
{
    const Result r = m_exportWatcher.result();
    m_busy = false;
    Q_EMIT busyChanged();
    if (!r.ok) {
        setStatus(r.error == QLatin1String("cancelled") ? QStringLiteral("Export cancelled: nothing was written")
                                                        : QStringLiteral("Export failed: ") + r.error,
            true);
        return;
    }
    m_progress = 1;
    Q_EMIT progressChanged();
    m_exportedPath = r.report.path;
    // The exporter's summary is "wrote PATH (23 pages, 412 KB)": the dialog names the file only.
    ExportReport shown = r.report;
    const QString sizes = shown.summary().mid(QStringLiteral("wrote ").size() + shown.path.size());
    const QString summary = QStringLiteral("Exported ") + QFileInfo(r.report.path).fileName() + sizes;
    setStatus(summary, false);
    Q_EMIT optionsChanged(); // the command line names the file written
    Q_EMIT done(summary);
}

void ExportController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ExportController::showInFolder() const
{
    if (!m_exportedPath.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_exportedPath).absolutePath()));
}

void ExportController::copyPath() const
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_exportedPath);
}

void ExportController::copyCommandLine() const
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(commandLine());
}

ExportPreview::ExportPreview(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
}

void ExportPreview::setController(ExportController *controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &ExportController::previewChanged, this, [this] { update(); });
        connect(m_controller, &QObject::destroyed, this, [this] { m_controller = nullptr; });
        sizeChanged();
    }
    Q_EMIT controllerChanged();
    update();
}

void ExportPreview::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    sizeChanged();
}

void ExportPreview::sizeChanged()
{
    if (!m_controller || width() <= 0 || height() <= 0)
        return;
    const qreal dpr = window() ? window()->effectiveDevicePixelRatio() : 1.0;
    m_controller->setPreviewSize((size() * dpr).toSize());
}

void ExportPreview::paint(QPainter *painter)
{
    if (!m_controller)
        return;
    const QImage image = m_controller->previewImage();
    if (image.isNull())
        return;
    QSizeF shown = QSizeF(image.size()).scaled(size(), Qt::KeepAspectRatio);
    const QRectF target(QPointF((width() - shown.width()) / 2, (height() - shown.height()) / 2), shown);
    // A transparent PNG shows the checkerboard through it, as image editors do.
    if (m_controller->value(QStringLiteral("background")) == QLatin1String("transparent")
        && m_controller->value(QStringLiteral("format")) == QLatin1String("png")) {
        const int cell = 8;
        painter->save();
        painter->setClipRect(target);
        for (int y = 0; y * cell < target.height(); ++y)
            for (int x = 0; x * cell < target.width(); ++x)
                painter->fillRect(QRectF(target.x() + x * cell, target.y() + y * cell, cell, cell),
                    (x + y) % 2 ? QColor(0xcc, 0xcc, 0xcc) : QColor(0xff, 0xff, 0xff));
        painter->restore();
    }
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(target, image);
    painter->setPen(QColor(0, 0, 0, 60));
    painter->drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
}

} // namespace loopscope
