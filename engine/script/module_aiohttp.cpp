// aiohttp, simulated: the classic client examples run unchanged,
//
//     async with aiohttp.ClientSession() as session:
//         async with session.get(url) as response:
//             print(response.status, await response.text())
//
// and every request is an I/O wait on the virtual clock named after its URL ("GET URL" on the
// timeline and in the inspector). Nothing touches the network. A URL answers 200 with a small
// HTML page after a latency derived from the URL (0.10 to 0.50 s, the same on every run);
// aiohttp.simulate(url, latency=, status=, text=, json=) sets what a URL answers instead. A
// session's or request's ClientTimeout(total=...) shorter than the latency raises TimeoutError.
#include "engine.h"
#include "jsonwriter.h"
#include "modules.h"
#include "script/stdlib.h"
#include "script/text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <map>

namespace loopscope::script {
namespace {

// What a simulated URL answers.
struct Route {
    double latency = 0;
    int status = 200;
    std::string text;
    Value json; // what response.json() returns; None: parse the text
};

// The routes one script set with aiohttp.simulate(), shared by its sessions.
class RoutesObject : public Object {
public:
    RoutesObject()
        : Object(ObjKind::Other)
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override { routes.clear(); }

    Route find(const std::string &url) const
    {
        if (auto it = routes.find(url); it != routes.end())
            return it->second;
        Route r;
        // FNV-1a of the URL picks one of nine latencies: different URLs finish in different
        // orders, as real servers do, but every run is the same.
        std::uint32_t h = 2166136261u;
        for (unsigned char c : url)
            h = (h ^ c) * 16777619u;
        r.latency = 0.1 + 0.05 * double(h % 9);
        r.text = "<!doctype html><html><head><title>" + url + "</title></head><body>Hello from " + url
            + "</body></html>";
        return r;
    }
    std::map<std::string, Route> routes;
};

// aiohttp.ClientTimeout(total=None, connect=None, sock_read=None, sock_connect=None): only
// `total` bounds a simulated request (the whole request is one I/O wait).
class TimeoutObject : public Object {
public:
    TimeoutObject()
        : Object(ObjKind::Other)
    {
    }
    ClassObject *cls() const override;
    Value total, connect, sockRead, sockConnect;
    Value ceilThreshold = Value::integer(5);
};

class SessionObject : public Object {
public:
    explicit SessionObject(Ref<RoutesObject> r)
        : Object(ObjKind::Other)
        , routes(std::move(r))
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override { routes.reset(); }
    Ref<RoutesObject> routes;
    double timeout = 300; // aiohttp's default total timeout: 5 minutes
    bool closed = false;
};

class ResponseObject : public Object {
public:
    ResponseObject()
        : Object(ObjKind::Other)
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override { route.json = Value(); }
    std::string method;
    std::string url;
    Route route;
    double timeout = 300; // seconds: a longer latency raises TimeoutError after this long
    bool closed = false;
};

// What session.get(url) returns: entering it performs the request.
class RequestObject : public Object {
public:
    explicit RequestObject(Ref<ResponseObject> r)
        : Object(ObjKind::Other)
        , response(std::move(r))
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override { response.reset(); }
    Ref<ResponseObject> response;
};

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
    }
}

ClassObject *clientError()
{
    static ClassObject *c = newBuiltinClass("ClientError", exc::byName("Exception"), "aiohttp.client_exceptions");
    return c;
}
ClassObject *clientResponseError()
{
    static ClassObject *c = newBuiltinClass("ClientResponseError", clientError(), "aiohttp.client_exceptions");
    return c;
}
ClassObject *contentTypeError()
{
    static ClassObject *c = newBuiltinClass("ContentTypeError", clientResponseError(), "aiohttp.client_exceptions");
    return c;
}

QCoro::Task<Value> ready(Value v)
{
    co_return v;
}

// A coroutine that returns at once (response.text(), session.close()...).
Value immediate(Interpreter &in, const std::string &name, Value v)
{
    return nativeCoroutine(in, name, name, [v] { return ready(v); });
}

// The request's I/O wait, then the response.
QCoro::Task<Value> perform(Engine &engine, Ref<ResponseObject> response)
{
    const std::string what = response->method + " " + response->url;
    if (response->route.latency > response->timeout) {
        // The total timeout runs out first: aiohttp raises asyncio.TimeoutError (TimeoutError).
        co_await sleepFor(engine, response->timeout, Value(), what);
        engine.interpreter().raise(exc::timeoutError(), "");
    }
    Value result = co_await sleepFor(engine, response->route.latency, Value(response), what);
    co_return result;
}

// ClientResponseError (or ContentTypeError) with aiohttp's text, "404, message='Not Found',
// url='https://...'", and its status and message attributes.
[[noreturn]] void raiseResponseError(
    Interpreter &in, ClassObject *cls, int status, const std::string &message, const std::string &url)
{
    Value e = in.makeException(
        cls, std::to_string(status) + ", message=" + in.repr(str(message)) + ", url=" + in.repr(str(url)));
    in.setAttr(e, "status", Value::integer(status));
    in.setAttr(e, "message", str(message));
    in.raise(e);
}

double timeoutSeconds(Interpreter &in, const Value &v, double otherwise)
{
    if (v.isNone())
        return otherwise;
    if (v.isNumber())
        return v.toDouble();
    if (v.is(ObjKind::Other) && v.obj()->cls()->name == "ClientTimeout") {
        const Value &total = static_cast<const TimeoutObject *>(v.obj())->total;
        return total.isNone() ? 1e18 : args::toFloat(in, total, "total");
    }
    in.raise(exc::typeError(),
        "timeout parameter cannot be of " + in.typeName(v) + " type, please use 'timeout=ClientTimeout(...)'");
}

Value fromJson(const QJsonValue &j)
{
    switch (j.type()) {
    case QJsonValue::Bool: return Value::boolean(j.toBool());
    case QJsonValue::Double: {
        const double d = j.toDouble();
        if (d == std::floor(d) && std::fabs(d) < 9.0e15)
            return Value::integer(std::int64_t(d));
        return Value::real(d);
    }
    case QJsonValue::String: return str(j.toString().toStdString());
    case QJsonValue::Array: {
        std::vector<Value> items;
        for (const QJsonValue &x : j.toArray())
            items.push_back(fromJson(x));
        return list(std::move(items));
    }
    case QJsonValue::Object: {
        auto d = make<DictObject>();
        const QJsonObject o = j.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            d->set(str(it.key().toStdString()), fromJson(it.value()));
        return Value(d);
    }
    default: return Value();
    }
}

// A float as json.dumps writes it: repr, except the names JSON borrows from JavaScript.
std::string jsonFloat(Interpreter &in, const Value &v)
{
    const double d = v.asFloat();
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    return in.repr(v);
}

void writeJson(Interpreter &in, JsonWriter &w, const Value &v)
{
    NestingGuard guard(in, "while encoding a JSON object");
    if (v.isNone()) {
        w.null();
    } else if (v.isBool()) {
        w.value(v.asBool());
    } else if (v.isFloat()) {
        w.raw(jsonFloat(in, v));
    } else if (v.isIntLike()) {
        w.raw(in.repr(v));
    } else if (v.is(ObjKind::Str)) {
        w.value(v.as<StrObject>()->value);
    } else if (v.is(ObjKind::List) || v.is(ObjKind::Tuple)) {
        const auto &items = v.is(ObjKind::List) ? v.as<ListObject>()->items : v.as<TupleObject>()->items;
        w.beginArray();
        for (const Value &item : items)
            writeJson(in, w, item);
        w.endArray();
    } else if (v.is(ObjKind::Dict)) {
        w.beginObject();
        for (auto &e : v.as<DictObject>()->entries()) {
            if (!e.live)
                continue;
            // json.dumps turns keys of the other scalar types into their JSON text.
            if (e.key.is(ObjKind::Str))
                w.key(e.key.as<StrObject>()->value);
            else if (e.key.isFloat())
                w.key(jsonFloat(in, e.key));
            else if (e.key.isBool())
                w.key(e.key.asBool() ? "true" : "false");
            else if (e.key.isNone())
                w.key("null");
            else if (e.key.isIntLike())
                w.key(in.repr(e.key));
            else
                in.raise(exc::typeError(), "keys must be str, int, float, bool or None, not " + in.typeName(e.key));
            writeJson(in, w, e.value);
        }
        w.endObject();
    } else {
        in.raise(exc::typeError(), "Object of type " + in.typeName(v) + " is not JSON serializable");
    }
}

// json.dumps(v) for what a scenario passes to simulate(json=...).
std::string toJson(Interpreter &in, const Value &v)
{
    std::string out;
    JsonWriter w(&out, JsonWriter::Style::Python);
    writeJson(in, w, v);
    return out;
}

ResponseObject *response(const Value &v)
{
    return v.as<ResponseObject>();
}

ClassObject *responseClass()
{
    static ClassObject *c = [] {
        auto *c = newBuiltinClass("ClientResponse", types::object(), "aiohttp.client_reqrep");
        c->properties["status"] = [](Interpreter &, const Value &s) { return Value::integer(response(s)->route.status); };
        c->properties["reason"] = [](Interpreter &, const Value &s) { return str(reasonPhrase(response(s)->route.status)); };
        c->properties["ok"] = [](Interpreter &, const Value &s) { return Value::boolean(response(s)->route.status < 400); };
        c->properties["url"] = [](Interpreter &, const Value &s) { return str(response(s)->url); };
        c->properties["method"] = [](Interpreter &, const Value &s) { return str(response(s)->method); };
        c->properties["content_type"] = [](Interpreter &, const Value &s) {
            return str(response(s)->route.json.isNone() ? "text/html" : "application/json");
        };
        c->addMethod("text", [](Interpreter &in, const Value &s, CallArgs &) {
            return immediate(in, "ClientResponse.text", str(response(s)->route.text));
        });
        c->addMethod("json", [](Interpreter &in, const Value &s, CallArgs &) {
            const Route &r = response(s)->route;
            if (!r.json.isNone())
                return immediate(in, "ClientResponse.json", r.json);
            QJsonParseError error {};
            const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.text), &error);
            if (error.error != QJsonParseError::NoError)
                raiseResponseError(in, contentTypeError(), r.status,
                    "Attempt to decode JSON with unexpected mimetype: text/html", response(s)->url);
            return immediate(in, "ClientResponse.json", fromJson(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object())));
        });
        c->addMethod("raise_for_status", [](Interpreter &in, const Value &s, CallArgs &) {
            const auto *r = response(s);
            if (r->route.status >= 400)
                raiseResponseError(in, clientResponseError(), r->route.status, reasonPhrase(r->route.status), r->url);
            return Value();
        });
        // Giving the connection back: release() (a coroutine in aiohttp 3) and close().
        c->addMethod("release", [](Interpreter &in, const Value &s, CallArgs &) {
            response(s)->closed = true;
            // aiohttp returns an awaitable that may as well be dropped: no "never awaited" warning.
            Value done = immediate(in, "ClientResponse.release", Value());
            done.as<CoroutineObject>()->warnsWhenDropped = nullptr;
            return done;
        });
        c->addMethod("close", [](Interpreter &, const Value &s, CallArgs &) {
            response(s)->closed = true;
            return Value();
        });
        c->properties["closed"] = [](Interpreter &, const Value &s) { return Value::boolean(response(s)->closed); };
        c->addMethod("__repr__", [](Interpreter &, const Value &s, CallArgs &) {
            const auto *r = response(s);
            return str("<ClientResponse(" + r->url + ") [" + std::to_string(r->route.status) + " "
                + reasonPhrase(r->route.status) + "]>");
        });
        return c;
    }();
    return c;
}

ClassObject *requestClass()
{
    static ClassObject *c = [] {
        auto *c = newBuiltinClass("_RequestContextManager", types::object(), "aiohttp.client");
        // `async with session.get(url) as resp` and `resp = await session.get(url)` both perform it.
        auto request = [](Interpreter &in, const Value &s, CallArgs &) {
            Ref<ResponseObject> r = s.as<RequestObject>()->response;
            Engine *engine = &in.engine();
            return nativeCoroutine(
                in, "_RequestContextManager.__aenter__", r->method + " " + r->url, [engine, r] { return perform(*engine, r); });
        };
        c->addMethod("__aenter__", request);
        c->addMethod("__await__", request);
        c->addMethod("__aexit__", [](Interpreter &in, const Value &, CallArgs &) {
            return immediate(in, "_RequestContextManager.__aexit__", Value());
        });
        return c;
    }();
    return c;
}

SessionObject *session(const Value &v)
{
    return v.as<SessionObject>();
}

ClassObject *sessionClass()
{
    static ClassObject *c = [] {
        auto *c = newBuiltinClass("ClientSession", types::object(), "aiohttp.client");
        c->addMethod("__aenter__", [](Interpreter &in, const Value &s, CallArgs &) {
            return immediate(in, "ClientSession.__aenter__", s);
        });
        auto close = [](Interpreter &in, const Value &s, CallArgs &) {
            session(s)->closed = true;
            return immediate(in, "ClientSession.close", Value());
        };
        c->addMethod("__aexit__", close);
        c->addMethod("close", close);
        c->properties["closed"] = [](Interpreter &, const Value &s) { return Value::boolean(session(s)->closed); };
        for (const char *method : {"get", "post", "put", "patch", "delete", "head", "options"}) {
            std::string verb = method;
            for (char &ch : verb)
                ch = char(std::toupper(static_cast<unsigned char>(ch)));
            c->addMethod(method, [verb](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "ClientSession." + text::lower(verb), a, 1, 1);
                if (session(s)->closed)
                    in.raise(exc::runtimeError(), "Session is closed");
                auto r = make<ResponseObject>();
                r->method = verb;
                r->url = in.toStr(a.args[0]);
                r->route = session(s)->routes->find(r->url);
                Value timeout;
                r->timeout = a.takeKeyword("timeout", timeout) ? timeoutSeconds(in, timeout, session(s)->timeout)
                                                               : session(s)->timeout;
                return Value(make<RequestObject>(r)); // other keyword arguments (params=, json=...) are accepted
            });
        }
        return c;
    }();
    return c;
}

} // namespace

ClassObject *TimeoutObject::cls() const
{
    static ClassObject *c = [] {
        auto *c = newBuiltinClass("ClientTimeout", types::object(), "aiohttp.client");
        auto t = [](const Value &v) { return static_cast<TimeoutObject *>(v.obj()); };
        c->properties["total"] = [t](Interpreter &, const Value &s) { return t(s)->total; };
        c->properties["connect"] = [t](Interpreter &, const Value &s) { return t(s)->connect; };
        c->properties["sock_read"] = [t](Interpreter &, const Value &s) { return t(s)->sockRead; };
        c->properties["sock_connect"] = [t](Interpreter &, const Value &s) { return t(s)->sockConnect; };
        c->addMethod("__repr__", [t](Interpreter &in, const Value &s, CallArgs &) {
            auto *o = t(s);
            return str("ClientTimeout(total=" + in.repr(o->total) + ", connect=" + in.repr(o->connect) + ", sock_read="
                + in.repr(o->sockRead) + ", sock_connect=" + in.repr(o->sockConnect)
                + ", ceil_threshold=" + in.repr(o->ceilThreshold) + ")");
        });
        return c;
    }();
    return c;
}

ClassObject *RoutesObject::cls() const
{
    static ClassObject *c = newBuiltinClass("_SimulatedRoutes", types::object(), "aiohttp");
    return c;
}
ClassObject *SessionObject::cls() const
{
    return sessionClass();
}
ClassObject *RequestObject::cls() const
{
    return requestClass();
}
ClassObject *ResponseObject::cls() const
{
    return responseClass();
}

Ref<ModuleObject> makeAiohttpModule(Interpreter &)
{
    auto mod = make<ModuleObject>("aiohttp");
    auto routes = make<RoutesObject>();
    auto setClass = [&](ClassObject *c) { mod->dict->set(str(c->name), Value(Ref<ClassObject>(c))); };
    // ClientSession() is a function here: each session it makes shares this script's routes.
    mod->dict->set(str("ClientSession"),
        Value(make<NativeObject>("aiohttp.ClientSession", [routes](Interpreter &in, const Value &, CallArgs &a) {
            auto session = make<SessionObject>(routes);
            Value timeout;
            if (a.takeKeyword("timeout", timeout))
                session->timeout = timeoutSeconds(in, timeout, session->timeout);
            return Value(session); // other keyword arguments (headers=, ...) are accepted
        })));
    setClass(clientError());
    setClass(clientResponseError());
    setClass(contentTypeError());
    mod->dict->set(str("ClientConnectionError"), Value(Ref<ClassObject>(clientError())));
    addFunction(*mod, "ClientTimeout", [](Interpreter &in, const Value &, CallArgs &a) {
        if (!a.args.empty())
            in.raise(exc::typeError(), "ClientTimeout.__init__() takes 1 positional argument but "
                    + std::to_string(a.args.size() + 1) + " were given");
        auto t = make<TimeoutObject>();
        for (auto &[name, v] : a.kwargs) {
            Value *field = name == "total" ? &t->total
                : name == "connect"        ? &t->connect
                : name == "sock_read"      ? &t->sockRead
                : name == "sock_connect"   ? &t->sockConnect
                : name == "ceil_threshold" ? &t->ceilThreshold
                                           : nullptr;
            if (!field)
                in.raise(exc::typeError(), "ClientTimeout.__init__() got an unexpected keyword argument '" + name + "'");
            *field = v;
        }
        return Value(t);
    });
    // aiohttp.simulate(url, *, latency=None, status=200, text=None, json=None): what `url` answers.
    addFunction(*mod, "simulate", [routes](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "simulate", a, 1, 1);
        const std::string url = args::toStr(in, a.args[0], "url");
        Route r = routes->find(url);
        Value v;
        if (a.takeKeyword("latency", v) && !v.isNone()) {
            r.latency = args::toFloat(in, v, "latency");
            if (!(r.latency >= 0) || !std::isfinite(r.latency))
                in.raise(exc::valueError(), "latency must be a non-negative number of seconds");
        }
        if (a.takeKeyword("status", v))
            r.status = int(args::toInt(in, v, "status"));
        if (a.takeKeyword("json", v)) {
            r.json = v;
            r.text = toJson(in, v);
        }
        if (a.takeKeyword("text", v))
            r.text = args::toStr(in, v, "text");
        if (!a.kwargs.empty())
            in.raise(exc::typeError(), "simulate() got an unexpected keyword argument '" + a.kwargs[0].first + "'");
        routes->routes[url] = r;
        return Value();
    });
    return mod;
}

} // namespace loopscope::script
