package app.homeward.security.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A QR code drawn on the server (ZXing) as a black-on-white PNG: nothing is sent to any other service. */
final class QrCode {

    static final int SIZE = 240;

    private QrCode() {
    }

    static byte[] png(String text) {
        BitMatrix matrix;
        try {
            // One pixel per module first, with the four-module quiet zone the QR standard asks for: a
            // narrower margin made about one code in 200 unreadable to ZXing's own reader.
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code for this text", e);
        }
        // Then every module the same whole number of pixels, centred on a SIZE × SIZE white square, so the
        // browser never resamples a module edge into grey.
        int scale = Math.max(1, SIZE / matrix.getWidth());
        int offset = (SIZE - matrix.getWidth() * scale) / 2;
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int mx = Math.floorDiv(x - offset, scale);
                int my = Math.floorDiv(y - offset, scale);
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my);
                image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
