#include "scenariomodel.h"

#include <algorithm>

namespace loopscope {

ScenarioModel::ScenarioModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_all(ScenarioLibrary::all())
{
    const QStringList order = ScenarioLibrary::groupOrder();
    auto rank = [&order](const QString &g) {
        const qsizetype i = order.indexOf(g);
        return i < 0 ? order.size() : i;
    };
    std::stable_sort(m_all.begin(), m_all.end(), [&](const ScenarioInfo &a, const ScenarioInfo &b) {
        return rank(a.group) != rank(b.group) ? rank(a.group) < rank(b.group)
            : a.group != b.group              ? a.group < b.group
                                              : a.title.localeAwareCompare(b.title) < 0;
    });
    for (int i = 0; i < m_all.size(); ++i)
        m_shown.append(i);
}

void ScenarioModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    const QStringList words = filter.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    beginResetModel();
    m_shown.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        const ScenarioInfo &s = m_all[i];
        const QString haystack
            = s.name + QLatin1Char(' ') + s.title + QLatin1Char(' ') + s.summary + QLatin1Char(' ') + s.group;
        if (std::all_of(words.begin(), words.end(),
                [&](const QString &w) { return haystack.contains(w, Qt::CaseInsensitive); }))
            m_shown.append(i);
    }
    endResetModel();
    Q_EMIT filterChanged();
    Q_EMIT countChanged();
}

QVariantMap ScenarioModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= m_shown.size())
        return out;
    const auto names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        out.insert(QString::fromUtf8(it.value()), data(index(row), it.key()));
    return out;
}

int ScenarioModel::indexOf(const QString &name) const
{
    for (int i = 0; i < m_shown.size(); ++i)
        if (m_all[m_shown[i]].name == name)
            return i;
    return -1;
}

int ScenarioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

QVariant ScenarioModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown.size())
        return {};
    const ScenarioInfo &s = m_all[m_shown[index.row()]];
    switch (role) {
    case NameRole: return s.name;
    case TitleRole: return s.title;
    case SummaryRole: return s.summary;
    case GroupRole: return s.group;
    case NoticeRole: return s.notice;
    default: return {};
    }
}

QHash<int, QByteArray> ScenarioModel::roleNames() const
{
    return {{NameRole, "name"}, {TitleRole, "title"}, {SummaryRole, "summary"}, {GroupRole, "group"},
        {NoticeRole, "notice"}};
}

} // namespace loopscope
