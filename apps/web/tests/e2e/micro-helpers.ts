// Shared by the micro-project journeys: demo people of the seed, and a photo to upload.
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** Demo residents and staff of the seed (apps/api/src/seed/). */
export const people = {
  /** 顾月琴: lives in 书院社区, works in 琴枫社区. */
  guYueqin: { phone: '13900001001', password: 'qinhu-resident-2025' },
  /** 沈佳怡: lives in 书院社区. */
  shenJiayi: { phone: '13900001002', password: 'qinhu-zhangli-2025' },
  /** 蒋晓红: lives in 虹桥社区; told that her objection in the confirmed cycle was dismissed. */
  jiangXiaohong: { phone: '13900001005', password: 'qinhu-chenxh-2025' },
  qinfengWorker: { loginName: 'qinfeng', password: 'qinhu-qinfeng-2025' },
  shuyuanWorker: { loginName: 'shuyuan', password: 'qinhu-shuyuan-2025' },
  consultant: { loginName: 'consultant', password: 'qinhu-consultant-2025' },
  yushanOfficer: { loginName: 'yushan', password: 'qinhu-yushan-2025' },
};

/** The seed's cycles: 虞山街道's in screening, 琴川街道's taking proposals. */
export const demoCycles = { yushan: 'demo-cycle-yushan', qinchuan: 'demo-cycle-qinchuan' };

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A real PNG to upload: a green-to-blue gradient (like a lawn under the sky), or noise, which
 * does not compress, for a file the size of a phone's photo.
 */
export function photoPng(width = 160, height = 120, noise = false): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  if (noise) {
    for (let y = 0; y < height; y++) randomBytes(width * 3).copy(rows, y * (width * 3 + 1) + 1);
  }
  for (let y = 0; y < height && !noise; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * 3;
      rows[at] = 40 + Math.round((x / width) * 40);
      rows[at + 1] = 160 - Math.round((y / height) * 80);
      rows[at + 2] = 90 + Math.round((y / height) * 150);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The file input's value for one photo; `large`: about 1.3 MB, above adapter-node's default limit. */
export const photoFile = (name = 'site.png', large = false) => ({
  name,
  mimeType: 'image/png',
  buffer: large ? photoPng(720, 600, true) : photoPng(),
});
