//! A `.zip` of pack files, stored without compression (the server or the archiver compresses;
//! the files are what the explorer reads): local headers, the central directory, and its end
//! record, with UTF-8 names and a fixed date so the same pack gives the same bytes.

/// CRC-32 (IEEE), as zip uses it.
pub fn crc32(bytes: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (n, slot) in t.iter_mut().enumerate() {
            let mut c = n as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    });
    !bytes.iter().fold(!0u32, |c, &b| {
        table[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8)
    })
}

/// 1980-01-01 00:00 in MS-DOS form (time, date): zip's earliest date, the same every time.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Bit 11: names are UTF-8.
const FLAGS: u16 = 1 << 11;

/// The archive of `files` (name, bytes) in the order given. Each must be under 4 GB and there
/// must be fewer than 65,535 (no zip64): a pack of 50,000 documents has about 3,200 files.
pub fn write(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    if files.len() >= 0xffff {
        return Err(format!("{} files: too many for one zip", files.len()));
    }
    let total: usize = files.iter().map(|(n, b)| 76 + 2 * n.len() + b.len()).sum();
    let mut out = Vec::with_capacity(total + 22);
    let mut central = Vec::new();
    for (name, bytes) in files {
        let size = u32::try_from(bytes.len()).map_err(|_| format!("{name} is over 4 GB"))?;
        let offset = u32::try_from(out.len()).map_err(|_| "the zip is over 4 GB".to_string())?;
        let crc = crc32(bytes);
        let head = |sig: u32, central: bool, v: &mut Vec<u8>| {
            v.extend_from_slice(&sig.to_le_bytes());
            if central {
                v.extend_from_slice(&20u16.to_le_bytes()); // made by: version 2.0
            }
            v.extend_from_slice(&20u16.to_le_bytes()); // needed to extract
            v.extend_from_slice(&FLAGS.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // stored
            v.extend_from_slice(&DOS_TIME.to_le_bytes());
            v.extend_from_slice(&DOS_DATE.to_le_bytes());
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra field
        };
        head(0x0403_4b50, false, &mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(bytes);
        head(0x0201_4b50, true, &mut central);
        central.extend_from_slice(&0u16.to_le_bytes()); // comment
        central.extend_from_slice(&0u16.to_le_bytes()); // disk
        central.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let at = u32::try_from(out.len()).map_err(|_| "the zip is over 4 GB".to_string())?;
    let n = files.len() as u16;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the central directory's disk
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u16_at(b: &[u8], at: usize) -> usize {
        u16::from_le_bytes([b[at], b[at + 1]]) as usize
    }
    fn u32_at(b: &[u8], at: usize) -> usize {
        u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as usize
    }

    /// Reads the archive back through its central directory, as unzip does.
    fn read(z: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = z.len() - 22;
        assert_eq!(u32_at(z, end), 0x0605_4b50);
        let (n, mut at) = (u16_at(z, end + 10), u32_at(z, end + 16));
        let mut out = Vec::new();
        for _ in 0..n {
            assert_eq!(u32_at(z, at), 0x0201_4b50);
            let (crc, size, name_len) =
                (u32_at(z, at + 16), u32_at(z, at + 20), u16_at(z, at + 28));
            let local = u32_at(z, at + 42);
            let name = String::from_utf8(z[at + 46..at + 46 + name_len].to_vec()).unwrap();
            assert_eq!(u32_at(z, local), 0x0403_4b50);
            let data = local + 30 + u16_at(z, local + 26) + u16_at(z, local + 28);
            let bytes = z[data..data + size].to_vec();
            assert_eq!(crc32(&bytes) as usize, crc);
            out.push((name, bytes));
            at += 46 + name_len;
        }
        out
    }

    #[test]
    fn crc_of_the_check_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn files_come_back_as_written() {
        let files = vec![
            ("data/index.bin".to_string(), vec![1, 2, 3]),
            ("data/报告.json".to_string(), b"{}".to_vec()),
            ("data/empty".to_string(), vec![]),
        ];
        let z = write(&files).unwrap();
        assert_eq!(read(&z), files);
        assert_eq!(write(&files).unwrap(), z, "same files, same bytes");
    }
}
