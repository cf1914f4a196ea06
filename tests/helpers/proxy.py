"""A stand-in for the group's authenticating proxy (nginx with a login): it
forwards pages and the websocket to `tracker serve`, setting `Remote-User` to
the person who 'logged in' and dropping any the browser sent.

    python -m tests.helpers.proxy LISTEN_PORT UPSTREAM_URL [USER]

With USER, everyone is that person; without, each browser logs in at
/login?as=NAME (a session cookie, as single sign-on would set) and anyone
else gets 401.
"""

import asyncio
import sys

import aiohttp
from aiohttp import web

HOP = {"host", "connection", "upgrade", "keep-alive", "transfer-encoding", "remote-user",
       "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions",
       "content-length"}


def main(port: int, upstream: str, fixed_user: str | None) -> None:
    async def handle(request: web.Request) -> web.StreamResponse:
        if request.path == "/login":
            response = web.HTTPFound("/")
            response.set_cookie("who", request.query["as"])
            raise response
        user = fixed_user or request.cookies.get("who")
        if not user:
            raise web.HTTPUnauthorized(text="log in first\n")
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() not in HOP and k.lower() != "cookie"}
        headers["Remote-User"] = user
        target = upstream + request.path_qs
        session: aiohttp.ClientSession = request.app["session"]
        if request.headers.get("Upgrade", "").lower() == "websocket":
            async with session.ws_connect(target.replace("http", "ws", 1),
                                          headers=headers) as upstream_ws:
                browser = web.WebSocketResponse()
                await browser.prepare(request)

                async def pump(source, sink):
                    async for message in source:
                        if message.type == aiohttp.WSMsgType.TEXT:
                            await sink.send_str(message.data)
                        elif message.type == aiohttp.WSMsgType.BINARY:
                            await sink.send_bytes(message.data)
                        else:
                            break
                    await sink.close()

                await asyncio.gather(pump(browser, upstream_ws), pump(upstream_ws, browser),
                                     return_exceptions=True)
                return browser
        async with session.get(target, headers=headers) as response:
            body = await response.read()
            return web.Response(body=body, status=response.status, headers={
                k: v for k, v in response.headers.items() if k.lower() not in HOP})

    async def start(app):
        app["session"] = aiohttp.ClientSession()

    async def stop(app):
        await app["session"].close()

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handle)
    app.on_startup.append(start)
    app.on_cleanup.append(stop)
    web.run_app(app, host="127.0.0.1", port=port, print=lambda *a: None)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
