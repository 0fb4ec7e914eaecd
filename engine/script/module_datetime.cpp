// time and datetime on the virtual clock. The wall clock's epoch is the virtual clock's 0, in
// UTC: time.time() is 0.0 when a script starts, datetime.datetime.now() is 1970-01-01 00:00:00
// and time.strftime('%X') '00:00:00' (the reference harness runs CPython the same way).
// datetime and timedelta are classes with Python-level dunders, so arithmetic, comparisons and
// str()/repr() go through the ordinary object protocol; their fields are instance attributes.
#include "engine.h"
#include "script/stdlib.h"

#include <cmath>
#include <cstdio>

namespace loopscope::script {
namespace {

constexpr std::int64_t kUsPerSecond = 1'000'000;
constexpr std::int64_t kUsPerDay = 86'400 * kUsPerSecond;

const char *const kDayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char *const kMonthNames[] = {"January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"};

// A broken-down UTC time.
struct Civil {
    std::int64_t year = 1970;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0, microsecond = 0;
};

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Days since 1970-01-01 of a proleptic Gregorian date (the era arithmetic of 400-year cycles).
std::int64_t daysFromCivil(std::int64_t y, int m, int d)
{
    y -= m <= 2;
    const std::int64_t era = floorDiv(y, 400);
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Civil civilFromMicroseconds(std::int64_t us)
{
    Civil c;
    std::int64_t days = floorDiv(us, kUsPerDay);
    std::int64_t rest = us - days * kUsPerDay;
    c.microsecond = int(rest % kUsPerSecond);
    rest /= kUsPerSecond;
    c.second = int(rest % 60);
    c.minute = int(rest / 60 % 60);
    c.hour = int(rest / 3600);
    days += 719468;
    const std::int64_t era = floorDiv(days, 146097);
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    c.day = int(doy - (153 * mp + 2) / 5 + 1);
    c.month = int(mp < 10 ? mp + 3 : mp - 9);
    c.year = yoe + era * 400 + (c.month <= 2);
    return c;
}

std::int64_t microsecondsOf(const Civil &c)
{
    return daysFromCivil(c.year, c.month, c.day) * kUsPerDay + ((c.hour * 60 + c.minute) * 60 + c.second) * kUsPerSecond
        + c.microsecond;
}

bool isLeap(std::int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(std::int64_t y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

std::string padded(std::int64_t v, int width)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(v));
    return buf;
}

// The virtual wall clock as CPython's datetime.fromtimestamp(time.time()) reads it: the float
// seconds split into whole seconds and microseconds rounded half to even.
std::int64_t nowMicroseconds(Interpreter &in)
{
    const double t = double(in.engine().loop().now()) / 1e9;
    double whole;
    double frac = std::modf(t, &whole) * 1e6;
    frac = std::nearbyint(frac);
    if (frac >= 1e6) {
        frac -= 1e6;
        whole += 1.0;
    }
    return std::int64_t(whole) * kUsPerSecond + std::int64_t(frac);
}

// ---- datetime and timedelta objects: instances whose fields are attributes ----

ClassObject *datetimeClass();
ClassObject *timedeltaClass();

std::int64_t field(Interpreter &in, const Value &obj, const char *name)
{
    return in.getAttr(obj, name).asInt();
}

Civil civilOf(Interpreter &in, const Value &dt)
{
    Civil c;
    c.year = field(in, dt, "year");
    c.month = int(field(in, dt, "month"));
    c.day = int(field(in, dt, "day"));
    c.hour = int(field(in, dt, "hour"));
    c.minute = int(field(in, dt, "minute"));
    c.second = int(field(in, dt, "second"));
    c.microsecond = int(field(in, dt, "microsecond"));
    return c;
}

Value newInstance(ClassObject *cls)
{
    auto inst = make<InstanceObject>(Ref<ClassObject>(cls));
    inst->attrs = make<DictObject>();
    return Value(inst);
}

void setFields(const Value &dt, const Civil &c)
{
    auto &attrs = *dt.as<InstanceObject>()->attrs;
    attrs.set(str("year"), Value::integer(c.year));
    attrs.set(str("month"), Value::integer(c.month));
    attrs.set(str("day"), Value::integer(c.day));
    attrs.set(str("hour"), Value::integer(c.hour));
    attrs.set(str("minute"), Value::integer(c.minute));
    attrs.set(str("second"), Value::integer(c.second));
    attrs.set(str("microsecond"), Value::integer(c.microsecond));
}

Value makeDatetime(std::int64_t us)
{
    Value dt = newInstance(datetimeClass());
    setFields(dt, civilFromMicroseconds(us));
    return dt;
}

std::int64_t datetimeMicroseconds(Interpreter &in, const Value &dt)
{
    return microsecondsOf(civilOf(in, dt));
}

void setDelta(const Value &td, std::int64_t us)
{
    auto &attrs = *td.as<InstanceObject>()->attrs;
    const std::int64_t days = floorDiv(us, kUsPerDay);
    const std::int64_t rest = us - days * kUsPerDay;
    attrs.set(str("days"), Value::integer(days));
    attrs.set(str("seconds"), Value::integer(rest / kUsPerSecond));
    attrs.set(str("microseconds"), Value::integer(rest % kUsPerSecond));
}

Value makeDelta(std::int64_t us)
{
    Value td = newInstance(timedeltaClass());
    setDelta(td, us);
    return td;
}

std::int64_t deltaMicroseconds(Interpreter &in, const Value &td)
{
    return field(in, td, "days") * kUsPerDay + field(in, td, "seconds") * kUsPerSecond + field(in, td, "microseconds");
}

bool isA(const Value &v, ClassObject *cls)
{
    return v.is(ObjKind::Instance) && v.as<InstanceObject>()->klass->isSubclassOf(cls);
}

std::string isoFormat(const Civil &c, const std::string &sep)
{
    std::string s = padded(c.year, 4) + "-" + padded(c.month, 2) + "-" + padded(c.day, 2) + sep + padded(c.hour, 2)
        + ":" + padded(c.minute, 2) + ":" + padded(c.second, 2);
    if (c.microsecond)
        s += "." + padded(c.microsecond, 6);
    return s;
}

std::string deltaStr(std::int64_t us)
{
    const std::int64_t days = floorDiv(us, kUsPerDay);
    std::int64_t rest = us - days * kUsPerDay;
    std::string s;
    if (days)
        s = std::to_string(days) + (days == 1 || days == -1 ? " day, " : " days, ");
    const std::int64_t micro = rest % kUsPerSecond;
    rest /= kUsPerSecond;
    s += std::to_string(rest / 3600) + ":" + padded(rest / 60 % 60, 2) + ":" + padded(rest % 60, 2);
    if (micro)
        s += "." + padded(micro, 6);
    return s;
}

std::string deltaRepr(std::int64_t us)
{
    const std::int64_t days = floorDiv(us, kUsPerDay);
    const std::int64_t rest = us - days * kUsPerDay;
    std::string parts;
    auto add = [&](const char *name, std::int64_t v) {
        if (v)
            parts += (parts.empty() ? "" : ", ") + std::string(name) + "=" + std::to_string(v);
    };
    add("days", days);
    add("seconds", rest / kUsPerSecond);
    add("microseconds", rest % kUsPerSecond);
    return "datetime.timedelta(" + (parts.empty() ? std::string("0") : parts) + ")";
}

// A class whose dunders the object protocol calls (as for script classes), made once per
// process like the other builtin classes: its natives are created outside any heap.
ClassObject *scriptLevelClass(const char *name, void (*fill)(ClassObject &))
{
    ClassObject *c = newBuiltinClass(name, types::object(), "datetime");
    c->qualname = name;
    fill(*c);
    c->builtin = false;
    return c;
}

void setClassFunction(ClassObject &c, const std::string &name, NativeFunction fn)
{
    Heap *saved = Heap::current();
    Heap::setCurrent(nullptr);
    c.setAttr(name, Value(make<NativeObject>("datetime." + c.name + "." + name, std::move(fn))));
    Heap::setCurrent(saved);
}

std::int64_t toInt(Interpreter &in, const Value &v)
{
    if (!v.isIntLike())
        in.raise(exc::typeError(), "'" + in.typeName(v) + "' object cannot be interpreted as an integer");
    return v.asInt();
}

// Comparisons between two objects of the same class through their microsecond count.
template<typename Cmp>
NativeFunction comparison(std::int64_t (*measure)(Interpreter &, const Value &), ClassObject *(*cls)(), Cmp cmp)
{
    return [measure, cls, cmp](Interpreter &in, const Value &self, CallArgs &a) {
        args::expect(in, "comparison", a, 1, 1);
        if (!isA(a.args[0], cls()))
            return notImplemented();
        return Value::boolean(cmp(measure(in, self), measure(in, a.args[0])));
    };
}

template<typename Measure> void addComparisons(ClassObject &c, Measure measure, ClassObject *(*cls)())
{
    c.addMethod("__eq__", comparison(measure, cls, [](auto x, auto y) { return x == y; }));
    c.addMethod("__ne__", comparison(measure, cls, [](auto x, auto y) { return x != y; }));
    c.addMethod("__lt__", comparison(measure, cls, [](auto x, auto y) { return x < y; }));
    c.addMethod("__le__", comparison(measure, cls, [](auto x, auto y) { return x <= y; }));
    c.addMethod("__gt__", comparison(measure, cls, [](auto x, auto y) { return x > y; }));
    c.addMethod("__ge__", comparison(measure, cls, [](auto x, auto y) { return x >= y; }));
    c.addMethod("__hash__",
        [measure](Interpreter &in, const Value &self, CallArgs &) { return Value::integer(measure(in, self)); });
}

void fillDatetime(ClassObject &c)
{
    c.addMethod("__init__", [](Interpreter &in, const Value &self, CallArgs &a) {
        static const char *const names[] = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
        std::int64_t v[7] = {0, 0, 0, 0, 0, 0, 0};
        if (a.args.size() > 7)
            in.raise(exc::typeError(),
                "function takes at most 8 arguments (" + std::to_string(a.args.size() + 1) + " given)");
        for (std::size_t i = 0; i < a.args.size(); ++i)
            v[i] = toInt(in, a.args[i]);
        for (std::size_t i = a.args.size(); i < 7; ++i) {
            Value kw;
            if (a.takeKeyword(names[i], kw))
                v[i] = toInt(in, kw);
            else if (i < 3)
                in.raise(exc::typeError(),
                    std::string("function missing required argument '") + names[i] + "' (pos " + std::to_string(i + 1)
                        + ")");
        }
        if (!a.kwargs.empty())
            in.raise(exc::typeError(), "'" + a.kwargs[0].first + "' is an invalid keyword argument for this function");
        if (v[0] < 1 || v[0] > 9999)
            in.raise(exc::valueError(), "year " + std::to_string(v[0]) + " is out of range");
        if (v[1] < 1 || v[1] > 12)
            in.raise(exc::valueError(), "month must be in 1..12");
        if (v[2] < 1 || v[2] > daysInMonth(v[0], int(v[1])))
            in.raise(exc::valueError(), "day is out of range for month");
        if (v[3] < 0 || v[3] > 23)
            in.raise(exc::valueError(), "hour must be in 0..23");
        if (v[4] < 0 || v[4] > 59)
            in.raise(exc::valueError(), "minute must be in 0..59");
        if (v[5] < 0 || v[5] > 59)
            in.raise(exc::valueError(), "second must be in 0..59");
        if (v[6] < 0 || v[6] > 999999)
            in.raise(exc::valueError(), "microsecond must be in 0..999999");
        self.as<InstanceObject>()->attrs = make<DictObject>();
        setFields(self, Civil {v[0], int(v[1]), int(v[2]), int(v[3]), int(v[4]), int(v[5]), int(v[6])});
        return Value();
    });
    auto now = [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "now", a, 0, 0);
        return makeDatetime(nowMicroseconds(in));
    };
    setClassFunction(c, "now", now);
    setClassFunction(c, "today", now);
    setClassFunction(c, "utcnow", now);
    setClassFunction(c, "fromtimestamp", [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "fromtimestamp", a, 1, 1);
        const double t = args::toFloat(in, a.args[0], "timestamp");
        double whole;
        const double frac = std::nearbyint(std::modf(t, &whole) * 1e6);
        return makeDatetime(std::int64_t(whole) * kUsPerSecond + std::int64_t(frac));
    });
    c.addMethod("__str__",
        [](Interpreter &in, const Value &self, CallArgs &) { return str(isoFormat(civilOf(in, self), " ")); });
    c.addMethod("isoformat", [](Interpreter &in, const Value &self, CallArgs &a) {
        args::expect(in, "isoformat", a, 0, 1);
        return str(isoFormat(civilOf(in, self), a.args.empty() ? "T" : args::toStr(in, a.args[0], "sep")));
    });
    c.addMethod("__repr__", [](Interpreter &in, const Value &self, CallArgs &) {
        const Civil d = civilOf(in, self);
        std::string s = "datetime.datetime(" + std::to_string(d.year) + ", " + std::to_string(d.month) + ", "
            + std::to_string(d.day) + ", " + std::to_string(d.hour) + ", " + std::to_string(d.minute);
        if (d.second || d.microsecond)
            s += ", " + std::to_string(d.second);
        if (d.microsecond)
            s += ", " + std::to_string(d.microsecond);
        return str(s + ")");
    });
    c.addMethod("strftime", [](Interpreter &in, const Value &self, CallArgs &a) {
        args::expect(in, "strftime", a, 1, 1);
        return str(strftimeUtc(args::toStr(in, a.args[0], "format"), datetimeMicroseconds(in, self)));
    });
    c.addMethod("timestamp", [](Interpreter &in, const Value &self, CallArgs &) {
        return Value::real(double(datetimeMicroseconds(in, self)) / 1e6);
    });
    c.addMethod("__add__", [](Interpreter &in, const Value &self, CallArgs &a) {
        if (!isA(a.args.at(0), timedeltaClass()))
            return notImplemented();
        return makeDatetime(datetimeMicroseconds(in, self) + deltaMicroseconds(in, a.args[0]));
    });
    c.addMethod("__sub__", [](Interpreter &in, const Value &self, CallArgs &a) {
        const Value &other = a.args.at(0);
        if (isA(other, timedeltaClass()))
            return makeDatetime(datetimeMicroseconds(in, self) - deltaMicroseconds(in, other));
        if (isA(other, datetimeClass()))
            return makeDelta(datetimeMicroseconds(in, self) - datetimeMicroseconds(in, other));
        return notImplemented();
    });
    addComparisons(c, datetimeMicroseconds, datetimeClass);
}

void fillTimedelta(ClassObject &c)
{
    c.addMethod("__init__", [](Interpreter &in, const Value &self, CallArgs &a) {
        static const std::pair<const char *, double> units[] = {{"days", 86400e6}, {"seconds", 1e6},
            {"microseconds", 1}, {"milliseconds", 1e3}, {"minutes", 60e6}, {"hours", 3600e6}, {"weeks", 604800e6}};
        if (a.args.size() > 7)
            in.raise(exc::typeError(), "timedelta() takes at most 7 arguments");
        double total = 0;
        for (std::size_t i = 0; i < 7; ++i) {
            Value v;
            if (i < a.args.size())
                v = a.args[i];
            else if (!a.takeKeyword(units[i].first, v))
                continue;
            if (!v.isNumber())
                in.raise(exc::typeError(),
                    "unsupported type for timedelta " + std::string(units[i].first) + " component: " + in.typeName(v));
            total += v.toDouble() * units[i].second;
        }
        if (!a.kwargs.empty())
            in.raise(exc::typeError(), "'" + a.kwargs[0].first + "' is an invalid keyword argument for __new__()");
        self.as<InstanceObject>()->attrs = make<DictObject>();
        setDelta(self, std::int64_t(std::nearbyint(total)));
        return Value();
    });
    c.addMethod("__str__",
        [](Interpreter &in, const Value &self, CallArgs &) { return str(deltaStr(deltaMicroseconds(in, self))); });
    c.addMethod("__repr__",
        [](Interpreter &in, const Value &self, CallArgs &) { return str(deltaRepr(deltaMicroseconds(in, self))); });
    c.addMethod("total_seconds", [](Interpreter &in, const Value &self, CallArgs &) {
        return Value::real(double(deltaMicroseconds(in, self)) / 1e6);
    });
    c.addMethod("__add__", [](Interpreter &in, const Value &self, CallArgs &a) {
        if (isA(a.args.at(0), datetimeClass()))
            return makeDatetime(datetimeMicroseconds(in, a.args[0]) + deltaMicroseconds(in, self));
        if (!isA(a.args[0], timedeltaClass()))
            return notImplemented();
        return makeDelta(deltaMicroseconds(in, self) + deltaMicroseconds(in, a.args[0]));
    });
    c.addMethod("__sub__", [](Interpreter &in, const Value &self, CallArgs &a) {
        if (!isA(a.args.at(0), timedeltaClass()))
            return notImplemented();
        return makeDelta(deltaMicroseconds(in, self) - deltaMicroseconds(in, a.args[0]));
    });
    addComparisons(c, deltaMicroseconds, timedeltaClass);
}

ClassObject *datetimeClass()
{
    static ClassObject *c = scriptLevelClass("datetime", fillDatetime);
    return c;
}

ClassObject *timedeltaClass()
{
    static ClassObject *c = scriptLevelClass("timedelta", fillTimedelta);
    return c;
}

} // namespace

std::string strftimeUtc(const std::string &format, std::int64_t microseconds)
{
    const Civil c = civilFromMicroseconds(microseconds);
    const std::int64_t days = floorDiv(microseconds, kUsPerDay);
    const int weekday = int(((days % 7) + 7 + 3) % 7); // 1970-01-01 was a Thursday; Monday = 0
    const int yday = int(days - daysFromCivil(c.year, 1, 1));
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 == format.size()) {
            out += format[i];
            continue;
        }
        const char d = format[++i];
        const int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
        switch (d) {
        case 'a': out += std::string(kDayNames[weekday]).substr(0, 3); break;
        case 'A': out += kDayNames[weekday]; break;
        case 'b':
        case 'h': out += std::string(kMonthNames[c.month - 1]).substr(0, 3); break;
        case 'B': out += kMonthNames[c.month - 1]; break;
        case 'c':
            out += std::string(kDayNames[weekday]).substr(0, 3) + " "
                + std::string(kMonthNames[c.month - 1]).substr(0, 3) + " " + (c.day < 10 ? " " : "")
                + std::to_string(c.day) + " " + padded(c.hour, 2) + ":" + padded(c.minute, 2) + ":"
                + padded(c.second, 2) + " " + std::to_string(c.year);
            break;
        case 'd': out += padded(c.day, 2); break;
        case 'e': out += (c.day < 10 ? " " : "") + std::to_string(c.day); break;
        case 'f': out += padded(c.microsecond, 6); break;
        case 'H': out += padded(c.hour, 2); break;
        case 'I': out += padded(hour12, 2); break;
        case 'j': out += padded(yday + 1, 3); break;
        case 'm': out += padded(c.month, 2); break;
        case 'M': out += padded(c.minute, 2); break;
        case 'p': out += c.hour < 12 ? "AM" : "PM"; break;
        case 'S': out += padded(c.second, 2); break;
        case 'T':
        case 'X': out += padded(c.hour, 2) + ":" + padded(c.minute, 2) + ":" + padded(c.second, 2); break;
        case 'D':
        case 'x': out += padded(c.month, 2) + "/" + padded(c.day, 2) + "/" + padded(c.year % 100, 2); break;
        case 'F': out += padded(c.year, 4) + "-" + padded(c.month, 2) + "-" + padded(c.day, 2); break;
        case 'R': out += padded(c.hour, 2) + ":" + padded(c.minute, 2); break;
        case 'u': out += std::to_string(weekday + 1); break;
        case 'w': out += std::to_string((weekday + 1) % 7); break;
        case 'y': out += padded(c.year % 100, 2); break;
        case 'Y': out += std::to_string(c.year); break;
        case 'z': out += "+0000"; break;
        case 'Z': out += "UTC"; break;
        case '%': out += '%'; break;
        default: out += '%'; out += d;
        }
    }
    return out;
}

Ref<ModuleObject> makeDatetimeModule(Interpreter &)
{
    auto mod = make<ModuleObject>("datetime");
    mod->dict->set(str("datetime"), Value(Ref<ClassObject>(datetimeClass())));
    mod->dict->set(str("timedelta"), Value(Ref<ClassObject>(timedeltaClass())));
    return mod;
}

Ref<ModuleObject> makeTimeModule(Interpreter &)
{
    // time: the virtual clock (semantics page); time.sleep() blocks the loop.
    auto mod = make<ModuleObject>("time");
    auto clock = [](Interpreter &in, const Value &, CallArgs &) { return Value::real(in.engine().loop().time()); };
    for (const char *fn : {"monotonic", "perf_counter", "time", "process_time"})
        addFunction(*mod, fn, clock);
    // In a worker thread, time.sleep waits on the virtual clock instead (threads.cpp): a call of
    // it from host-mode code goes through runLoopCall.
    addFunction(*mod, "sleep", [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "sleep", a, 1, 1);
        double s = args::toFloat(in, a.args[0], "sleep length");
        if (s < 0)
            in.raise(exc::valueError(), "sleep length must be non-negative");
        auto &loop = in.engine().loop();
        if (!std::isfinite(s) || s * 1e9 >= double(INT64_MAX - loop.now()))
            in.raise(exc::overflowError(), "timestamp out of range for platform time_t");
        loop.setNow(loop.now() + std::int64_t(std::nearbyint(s * 1e9)));
        in.engine().trace().append(
            EventKind::ClockAdvanced, loop.now(), in.engine().taskIdOf(in.engine().currentTask()), 0, "time.sleep");
        return Value();
    });
    mod->dict->findStr("sleep")->as<NativeObject>()->runsLoop = true;
    // time.strftime(format): the virtual wall clock, whole seconds, local time = UTC.
    addFunction(*mod, "strftime", [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "strftime", a, 1, 1);
        const std::int64_t seconds = floorDiv(in.engine().loop().now(), 1'000'000'000);
        return str(strftimeUtc(args::toStr(in, a.args[0], "format"), seconds * kUsPerSecond));
    });
    return mod;
}

} // namespace loopscope::script
