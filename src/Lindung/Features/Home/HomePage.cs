namespace Lindung.Features.Home;

internal static class HomePage
{
    public const string Html = """
        <!doctype html>
        <html lang="id">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Lindung</title>
        </head>
        <body>
          <main>
            <h1>Lindung</h1>
            <p>Perlindungan jaminan sosial ketenagakerjaan untuk setiap pekerja di daerah.</p>
            <p lang="en">Employment social security coverage for every worker in the region.</p>
          </main>
        </body>
        </html>
        """;
}
