#include "rowmodel.h"

namespace loopscope {

RowModel::RowModel(const QStringList &roles, QObject *parent)
    : QAbstractListModel(parent)
{
    for (const QString &r : roles)
        m_roles.append(r.toUtf8());
}

void RowModel::setRows(const QList<QVariantMap> &rows)
{
    const int common = int(std::min(rows.size(), m_rows.size()));
    for (int i = 0; i < common; ++i) {
        if (m_rows[i] != rows[i]) {
            m_rows[i] = rows[i];
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
    if (rows.size() > m_rows.size()) {
        beginInsertRows(QModelIndex(), common, int(rows.size()) - 1);
        m_rows.append(rows.mid(common));
        endInsertRows();
        Q_EMIT countChanged();
    } else if (rows.size() < m_rows.size()) {
        beginRemoveRows(QModelIndex(), common, int(m_rows.size()) - 1);
        m_rows.resize(common);
        endRemoveRows();
        Q_EMIT countChanged();
    }
}

void RowModel::appendRows(const QList<QVariantMap> &rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
    Q_EMIT countChanged();
}

void RowModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
}

QVariantMap RowModel::get(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row] : QVariantMap();
}

QVariantList RowModel::column(const QString &role) const
{
    QVariantList out;
    for (const auto &r : m_rows)
        out.append(r.value(role));
    return out;
}

int RowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RowModel::data(const QModelIndex &index, int role) const
{
    const int r = role - Qt::UserRole - 1;
    if (!index.isValid() || index.row() >= m_rows.size() || r < 0 || r >= m_roles.size())
        return {};
    return m_rows[index.row()].value(QString::fromUtf8(m_roles[r]));
}

QHash<int, QByteArray> RowModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_roles[i]);
    return names;
}

} // namespace loopscope
