// The scenario library for the sidebar: every built-in scenario, grouped (Basics,
// Synchronization, ...), with a search filter over title, summary and name.
#pragma once

#include "scenariolibrary.h"

#include <QAbstractListModel>

namespace loopscope {

class ScenarioModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, TitleRole, SummaryRole, GroupRole, NoticeRole };
    explicit ScenarioModel(QObject *parent = nullptr);

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    int count() const { return int(m_shown.size()); }
    Q_INVOKABLE QVariantMap get(int row) const;
    // The row of a scenario by name among the shown ones, or -1.
    Q_INVOKABLE int indexOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void filterChanged();
    void countChanged();

private:
    QList<ScenarioInfo> m_all; // in group order, then by title
    QList<int> m_shown; // indexes into m_all that match the filter
    QString m_filter;
};

} // namespace loopscope
