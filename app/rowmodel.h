// A list model whose rows are maps from role name to value: the inspector's ready queue, timers,
// primitives and tasks. setRows() changes only what differs, so views keep their delegates.
#pragma once

#include <QAbstractListModel>
#include <QVariantMap>

namespace loopscope {

class RowModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit RowModel(const QStringList &roles, QObject *parent = nullptr);

    void setRows(const QList<QVariantMap> &rows);
    // For logs that only grow (the console): appends without comparing the existing rows.
    void appendRows(const QList<QVariantMap> &rows);
    void clear();
    const QList<QVariantMap> &rows() const { return m_rows; }
    int count() const { return int(m_rows.size()); }
    // One row as a map (for QML and tests); empty when out of range.
    Q_INVOKABLE QVariantMap get(int row) const;
    // The rows' values of one role, in order.
    Q_INVOKABLE QVariantList column(const QString &role) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    QList<QByteArray> m_roles;
    QList<QVariantMap> m_rows;
};

} // namespace loopscope
