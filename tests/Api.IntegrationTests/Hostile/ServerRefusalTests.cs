using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Api.IntegrationTests.Hostile;

/// <summary>
/// The requests that the HTTP server itself refuses before the application runs, over a real socket
/// to the real server: they get its bare status and no body, as the README and the OpenAPI
/// document's description say. If the server ever starts passing one of them on, the service
/// answers it with the error body and these tests say the documentation is out of date.
/// </summary>
public sealed class ServerRefusalTests
{
    private CustomerServiceFactory _factory = null!;
    private Uri _address = null!;

    [OneTimeSetUp]
    public void StartServer()
    {
        _factory = new CustomerServiceFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        _address = new Uri(addresses.Addresses.First());
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _factory.Dispose();
        CustomerServiceFactory.DeleteDatabase(_factory.Database);
    }

    [TestCase("GET /api/v1/account-manager/customers/%00 HTTP/1.1", TestName = "A percent-encoded NUL in the path is a bare 400")]
    [TestCase("GET /api/v1/account-manager/customers/a\0b HTTP/1.1", TestName = "A raw NUL in the path is a bare 400")]
    [TestCase("GET /api/v1/account-manager/customers/\u00e9 HTTP/1.1", TestName = "A non-ASCII byte in the path is a bare 400")]
    public async Task Malformed_path_is_refused_by_the_server_without_a_body(string requestLine)
    {
        var (status, body) = await SendAsync($"{requestLine}\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body, Is.Empty);
        });
    }

    [Test]
    public async Task Request_line_over_8_KiB_is_a_bare_414()
    {
        var (status, body) = await SendAsync($"GET /{new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.RequestUriTooLong));
            Assert.That(body, Is.Empty);
        });
    }

    [Test]
    public async Task Headers_over_32_KiB_are_a_bare_431()
    {
        var (status, body) = await SendAsync($"GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Padding: {new string('a', 33_000)}\r\nConnection: close\r\n\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.RequestHeaderFieldsTooLarge));
            Assert.That(body, Is.Empty);
        });
    }

    [Test]
    public async Task Content_length_beside_chunked_transfer_encoding_is_read_as_chunked_and_answered_by_the_service()
    {
        var (status, body) = await SendAsync(
            "POST /api/v1/account-manager/customers HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
            + "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n0\r\n\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(body, Does.Contain("\"code\":\"UNAUTHORIZED\""));
        });
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_address.Host, _address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var response = await reader.ReadToEndAsync();
        var statusLine = response[..response.IndexOf("\r\n", StringComparison.Ordinal)];
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return ((HttpStatusCode)int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), body);
    }
}
