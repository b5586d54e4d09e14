// The one function of the `qrcode` package the shift page uses (the package has no types).
declare module 'qrcode' {
  const QRCode: {
    toString(
      text: string,
      options: { type: 'svg'; margin?: number; width?: number },
    ): Promise<string>;
  };
  export default QRCode;
}
