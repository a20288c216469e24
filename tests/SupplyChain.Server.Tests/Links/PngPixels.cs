using System.Buffers.Binary;
using System.IO.Compression;

namespace SupplyChain.Server.Tests.Links;

/// <summary>Reads a non-interlaced PNG (grey, palette, RGB or RGBA, 1 to 8 bits) into one grey byte a pixel, for the QR decoder.</summary>
public static class PngPixels
{
    public static (byte[] Grey, int Width, int Height) Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }), "expected a PNG signature");
        int width = 0, height = 0, depth = 0, colour = 0;
        byte[] palette = [];
        using var data = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height, depth, colour) = (BinaryPrimitives.ReadInt32BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body[4..]), body[8], body[9]);
                    Assert.Equal(0, body[12]);
                    break;
                case "PLTE":
                    palette = body.ToArray();
                    break;
                case "IDAT":
                    data.Write(body);
                    break;
            }

            at += length + 12;
        }

        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var channels = colour switch { 0 or 3 => 1, 2 => 3, 6 => 4, 4 => 2, _ => throw new InvalidOperationException($"colour type {colour}") };
        var bitsPerPixel = channels * depth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var step = Math.Max(1, bitsPerPixel / 8);
        var previous = new byte[stride];
        var grey = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= step ? line[i - step] : 0, up = previous[i], upLeft = i >= step ? previous[i - step] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidOperationException($"filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                grey[y * width + x] = Grey(line, x, depth, colour, channels, palette);
            }

            previous = line;
        }

        return (grey, width, height);
    }

    private static byte Grey(byte[] line, int x, int depth, int colour, int channels, byte[] palette)
    {
        if (depth < 8)
        {
            var perByte = 8 / depth;
            var value = (line[x / perByte] >> ((perByte - 1 - (x % perByte)) * depth)) & ((1 << depth) - 1);
            return colour == 3 ? palette[value * 3 + 1] : (byte)(value * 255 / ((1 << depth) - 1));
        }

        var at = x * channels;
        return colour switch
        {
            3 => palette[line[at] * 3 + 1],
            2 or 6 => (byte)((line[at] + line[at + 1] + line[at + 2]) / 3),
            _ => line[at],
        };
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
