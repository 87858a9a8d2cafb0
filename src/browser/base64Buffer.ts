// The part of Node's Buffer that src/model/modelFile.ts uses (float32 parameters as base64), for
// the browser bundle only: tools/build-web.ts imports this as `Buffer` into that one file.
class Base64Bytes extends Uint8Array {
  override toString(encoding?: string): string {
    if (encoding !== "base64") return super.toString();
    let binary = "";
    for (let i = 0; i < this.length; i++) binary += String.fromCharCode(this[i]);
    return btoa(binary);
  }
}

export const Buffer = {
  /** Buffer.from(text, "base64") or Buffer.from(arrayBuffer, offset, length). */
  from(data: string | ArrayBuffer, encodingOrOffset?: string | number, length?: number): Base64Bytes {
    if (typeof data !== "string") return new Base64Bytes(data, Number(encodingOrOffset ?? 0), length);
    if (encodingOrOffset !== "base64") throw new Error(`parzc's browser Buffer decodes base64 only, not ${String(encodingOrOffset)}`);
    const binary = atob(data);
    return Base64Bytes.from(binary, (char) => char.charCodeAt(0)) as Base64Bytes;
  },
};
