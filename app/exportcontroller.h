// The Export dialog's C++ side: the options as the command line spells them (name -> value
// strings, turned into ExportOptions by setExportOption, so the dialog and `loopscope export`
// accept and reject the same things), a snapshot of the session's run (the trace is copied, so the
// session steps on while a preview renders or a file is written), the live preview's image
// (rendered off the GUI thread, debounced) and the export itself on a worker thread with progress
// and Cancel.
#pragma once

#include "exporter.h"

#include <QFutureWatcher>
#include <QImage>
#include <QMap>
#include <QObject>
#include <QQuickPaintedItem>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>

#include <atomic>
#include <memory>

namespace loopscope {

class AppSettings;
class Session;
class Trace;

class ExportController : public QObject {
    Q_OBJECT
    // Every option's value as typed on the command line ("format": "pdf", "steps": "10:40").
    Q_PROPERTY(QVariantMap values READ values NOTIFY optionsChanged)
    // Why the options cannot be exported as they are (one line; empty when they can).
    Q_PROPERTY(QString problem READ problem NOTIFY optionsChanged)
    // "loopscope export gather --format pdf --build --out gather.pdf"
    Q_PROPERTY(QString commandLine READ commandLine NOTIFY optionsChanged)
    // "gather.pdf" and the folder the last export went to.
    Q_PROPERTY(QString suggestedName READ suggestedName NOTIFY optionsChanged)
    Q_PROPERTY(QUrl folder READ folder NOTIFY optionsChanged)
    Q_PROPERTY(bool figure READ isFigure NOTIFY optionsChanged) // SVG, PNG or PDF
    // The options the chosen format uses (the dialog disables the others).
    Q_PROPERTY(QStringList applicable READ applicable NOTIFY optionsChanged)
    // "all", "steps" or "time", and the range's ends (open ends read as the run's ends).
    Q_PROPERTY(QString rangeMode READ rangeMode NOTIFY optionsChanged)
    Q_PROPERTY(int stepFrom READ stepFrom NOTIFY optionsChanged)
    Q_PROPERTY(int stepTo READ stepTo NOTIFY optionsChanged)
    Q_PROPERTY(double timeFrom READ timeFrom NOTIFY optionsChanged)
    Q_PROPERTY(double timeTo READ timeTo NOTIFY optionsChanged)
    // The run being exported: its steps, its virtual duration, its task lanes in creation order.
    Q_PROPERTY(int stepCount READ stepCount NOTIFY runChanged)
    Q_PROPERTY(double duration READ duration NOTIFY runChanged)
    Q_PROPERTY(QStringList taskNames READ taskNames NOTIFY runChanged)
    Q_PROPERTY(QStringList taskLabels READ taskLabels NOTIFY runChanged)
    Q_PROPERTY(bool runFinished READ runFinished NOTIFY runChanged)
    // The dialog is open: the snapshot follows the session (a Run to end shows up in the preview).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    // A PDF build's preview shows the figure after this many steps (1..stepCount).
    Q_PROPERTY(int previewStep READ previewStep WRITE setPreviewStep NOTIFY previewStepChanged)
    // What the preview shows: "PNG · 1920 × 1080 at 2× = 3840 × 2160 pixels", "PDF · 22 slides, one per step".
    Q_PROPERTY(QString previewCaption READ previewCaption NOTIFY optionsChanged)
    // The preview of a data format: its first lines.
    Q_PROPERTY(QString previewText READ previewText NOTIFY previewChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    // "Exported gather.pdf (23 pages, 412 KB)" or the one-line error; empty before any export.
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY statusChanged)
    Q_PROPERTY(QString exportedPath READ exportedPath NOTIFY statusChanged)

public:
    ExportController(Session *session, AppSettings *settings, QObject *parent = nullptr);
    ~ExportController() override;

    // How long option changes settle before the preview renders again.
    static constexpr int kPreviewDelayMs = 100;
    // How many lines of a data format the preview shows.
    static constexpr int kPreviewLines = 40;

    QVariantMap values() const;
    QString value(const QString &name) const { return m_values.value(name); }
    // The options as ExportOptions (out = the suggested name); `problem` gets why they cannot be
    // exported (a bad value with setExportOption's message, or a range or lane the run lacks).
    ExportOptions options(QString *problem = nullptr) const;
    QString problem() const;
    QString commandLine() const;
    QString suggestedName() const;
    QUrl folder() const;
    bool isFigure() const;
    QStringList applicable() const;
    // Whether `format` uses the option `name` (a PNG's scale, a PDF's build, a figure's theme).
    static bool optionApplies(ExportFormat format, const QString &name);
    QString rangeMode() const;
    int stepFrom() const;
    int stepTo() const;
    double timeFrom() const;
    double timeTo() const;

    int stepCount() const { return m_stepCount; }
    double duration() const { return m_duration; }
    QStringList taskNames() const { return m_taskNames; }
    QStringList taskLabels() const { return m_taskLabels; }
    bool runFinished() const { return m_runFinished; }
    bool active() const { return m_active; }
    void setActive(bool active);
    int previewStep() const { return m_previewStep; }
    void setPreviewStep(int step);
    QString previewText() const { return m_previewText; }
    QString previewCaption() const;
    // The latest preview of a figure (null for data formats or before the first render).
    QImage previewImage() const { return m_previewImage; }
    // The preview item's size in device pixels: the image is rendered to fit it.
    void setPreviewSize(const QSize &size);

    bool busy() const { return m_busy; }
    double progress() const { return m_progress; }
    QString status() const { return m_status; }
    bool failed() const { return m_failed; }
    QString exportedPath() const { return m_exportedPath; }

    // Copies the session's run now (the dialog calls it when it opens).
    Q_INVOKABLE void snapshot();
    // Sets one option as the command line would; false (and problem() says why) when refused,
    // the previous value kept.
    Q_INVOKABLE bool setOption(const QString &name, const QString &value);
    Q_INVOKABLE void setRangeAll();
    Q_INVOKABLE void setStepRange(int from, int to);
    Q_INVOKABLE void setTimeRange(double from, double to);
    // Shows or hides one task's lane (all shown: "tasks" = "all").
    Q_INVOKABLE void setTaskShown(const QString &task, bool shown);
    Q_INVOKABLE bool taskShown(const QString &task) const;
    // Back to the defaults (the remembered ones too).
    Q_INVOKABLE void resetOptions();

    // Writes the export to `file` on a worker thread; done() or failed status when it ends.
    Q_INVOKABLE void exportTo(const QUrl &file);
    Q_INVOKABLE void exportToPath(const QString &path);
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void showInFolder() const;
    Q_INVOKABLE void copyPath() const;
    Q_INVOKABLE void copyCommandLine() const;

Q_SIGNALS:
    void optionsChanged();
    void runChanged();
    void activeChanged();
    void previewStepChanged();
    void previewChanged();
    void busyChanged();
    void progressChanged();
    void statusChanged();
    // An export ended: the summary ("Exported gather.pdf (23 pages, 412 KB)").
    void done(const QString &summary);

private:
    struct Run; // a copy of the session's run, shared with the worker threads
    struct Result {
        bool ok = false;
        ExportReport report;
        QString error;
    };

    void optionsEdited();
    void schedulePreview();
    void renderPreview();
    void previewRendered();
    void exportFinished();
    void setStatus(const QString &text, bool failed);
    QString scriptArgument() const;
    QString runProblem(const ExportOptions &options) const;

    Session *m_session;
    AppSettings *m_settings;
    QMap<QString, QString> m_values; // options that differ from ExportOptions' defaults

    std::shared_ptr<const Run> m_run;
    int m_stepCount = 0;
    double m_duration = 0;
    QStringList m_taskNames, m_taskLabels;
    bool m_runFinished = false;
    bool m_active = false;
    QTimer m_snapshotTimer;

    QTimer m_previewTimer;
    QSize m_previewSize {640, 360};
    int m_previewStep = 0;
    QImage m_previewImage;
    QString m_previewText;
    struct Preview {
        QImage image;
        QString text;
    };
    QFutureWatcher<Preview> m_previewWatcher;
    bool m_previewAgain = false; // the options changed while a preview rendered

    QFutureWatcher<Result> m_exportWatcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_busy = false;
    double m_progress = 0;
    QString m_status;
    bool m_failed = false;
    QString m_exportedPath;
};

// The Export dialog's live preview: the controller's latest image, scaled to fit, centred.
class ExportPreview : public QQuickPaintedItem {
    Q_OBJECT
    Q_PROPERTY(loopscope::ExportController *controller READ controller WRITE setController NOTIFY controllerChanged)

public:
    explicit ExportPreview(QQuickItem *parent = nullptr);
    ExportController *controller() const { return m_controller; }
    void setController(ExportController *controller);
    void paint(QPainter *painter) override;

Q_SIGNALS:
    void controllerChanged();

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    void sizeChanged();
    ExportController *m_controller = nullptr;
};

} // namespace loopscope
