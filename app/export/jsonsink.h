// Where the data exports write: a JsonWriter whose text is handed to the device in chunks, and
// the progress callback, asked every few thousand events whether to go on.
#pragma once

#include "formats.h"
#include "jsonwriter.h"

#include <QIODevice>

#include <string>

namespace loopscope {

class JsonSink {
public:
    JsonSink(QIODevice *out, const ExportProgress &progress, int total)
        : m_out(out)
        , m_progress(progress)
        , m_total(total)
    {
    }

    JsonWriter &writer() { return m_writer; }
    std::string &buffer() { return m_buffer; }

    // Writes what the buffer holds once it is large; false (with `error`) when the device fails.
    bool drain(QString *error, bool all = false)
    {
        if (m_failed)
            return false;
        if (m_buffer.empty() || (!all && m_buffer.size() < kChunk))
            return true;
        if (m_out->write(m_buffer.data(), qint64(m_buffer.size())) != qint64(m_buffer.size())) {
            *error = QStringLiteral("cannot write: %1").arg(m_out->errorString());
            m_failed = true;
            return false;
        }
        m_buffer.clear();
        return true;
    }
    bool finish(QString *error) { return drain(error, true); }

    // `done` of the total events handled: reports every kProgressEvery events; false once the
    // user cancelled (error "cancelled") or the device failed.
    bool advance(int done, QString *error)
    {
        if (!drain(error))
            return false;
        if (!m_progress || done - m_reported < kProgressEvery)
            return true;
        m_reported = done;
        if (!m_progress(done, m_total)) {
            *error = QStringLiteral("cancelled");
            return false;
        }
        return true;
    }
    void done()
    {
        if (m_progress)
            m_progress(m_total, m_total);
    }

private:
    static constexpr std::size_t kChunk = 1 << 16;
    static constexpr int kProgressEvery = 4096;
    QIODevice *m_out;
    ExportProgress m_progress;
    int m_total;
    int m_reported = 0;
    bool m_failed = false;
    std::string m_buffer;
    JsonWriter m_writer {&m_buffer};
};

} // namespace loopscope
